using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class AcknowledgmentThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new int[0], 3, true)]
    [InlineData(new[] { 10, 20 }, 3, true)]
    [InlineData(new[] { 10, 20, 30 }, 3, false)]
    [InlineData(new[] { 59, 30, 1 }, 3, false)]
    [InlineData(new[] { 60, 30, 1 }, 3, true)]
    [InlineData(new[] { 61, 90, 600 }, 1, true)]
    [InlineData(new[] { 0 }, 1, false)]
    [InlineData(new[] { -5 }, 1, false)]
    [InlineData(new int[0], 0, false)]
    public void At_most_the_limit_goes_to_one_sender_in_any_sliding_hour(int[] minutesAgo, int maxPerHour, bool allowed)
    {
        var previous = minutesAgo.Select(m => Now.AddMinutes(-m)).ToArray();

        Assert.Equal(allowed, AcknowledgmentThrottle.MayAcknowledge(previous, Now, maxPerHour));
    }

    [Fact]
    public void Instants_in_other_offsets_count_by_the_moment_they_name()
    {
        var chicago = TimeSpan.FromHours(-6);
        DateTimeOffset[] previous = [new(2026, 11, 26, 8, 30, 0, chicago)]; // 14:30 UTC, half an hour ago

        Assert.False(AcknowledgmentThrottle.MayAcknowledge(previous, Now, 1));
    }

    [Fact]
    public void A_negative_limit_is_a_mistake()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AcknowledgmentThrottle.MayAcknowledge([], Now, -1));
    }
}
