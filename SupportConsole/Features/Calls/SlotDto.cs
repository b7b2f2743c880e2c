namespace SupportConsole.Features.Calls;

public sealed record SlotDto(string Start, string End, string Engineer);
