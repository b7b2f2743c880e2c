using System.Reflection;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class IntakeStaysPureTests
{
    private static readonly string[] Forbidden =
        ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "MudBlazor", "MimeKit", "MailKit", "NodaTime", "SmtpServer"];

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Intake_and_case_rules_use_only_the_base_class_library()
    {
        var domainTypes = typeof(RoutingRule).Assembly.GetTypes()
            .Where(t => t.Namespace is "SupportConsole.Domain.Intake" or "SupportConsole.Domain.Cases")
            .ToArray();
        Assert.NotEmpty(domainTypes);

        var offences = new List<string>();
        foreach (var type in domainTypes)
        {
            foreach (var used in TypesUsedBy(type))
            {
                var assembly = used.Assembly.GetName().Name ?? "";
                if (Forbidden.Any(f => assembly.StartsWith(f, StringComparison.Ordinal)))
                    offences.Add($"{type.FullName} uses {used.FullName} from {assembly}");
            }
        }

        Assert.Empty(offences);
    }

    [Fact]
    public void The_check_sees_types_used_only_inside_method_bodies()
    {
        // MailDomain uses IdnMapping only in a field initializer and a method body: proof the IL is actually read.
        var mailDomain = typeof(RoutingRule).Assembly.GetType("SupportConsole.Domain.Intake.MailDomain")!;
        var usedInBodies = mailDomain.GetMethods(Everything).Cast<MethodBase>().Concat(mailDomain.GetConstructors(Everything))
            .SelectMany(TypesReferencedInBody);

        Assert.Contains(typeof(System.Globalization.IdnMapping), usedInBodies);
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        if (type.BaseType is not null)
            yield return type.BaseType;
        foreach (var contract in type.GetInterfaces())
            yield return contract;
        foreach (var field in type.GetFields(Everything))
            yield return field.FieldType;
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
                yield return info.ReturnType;
            foreach (var parameter in method.GetParameters())
                yield return parameter.ParameterType;
            foreach (var used in TypesReferencedInBody(method))
                yield return used;
        }
    }

    /// <summary>The declaring types of members the method body calls, creates or loads (read from metadata tokens in its IL).</summary>
    private static IEnumerable<Type> TypesReferencedInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;

        for (var i = 0; i + 4 < il.Length; i++)
        {
            var token = BitConverter.ToInt32(il, i + 1);
            if (il[i] is not (0x28 or 0x6F or 0x73 or 0x7B or 0x7E or 0x8D or 0xD0) || (token >> 24) is not (0x01 or 0x04 or 0x06 or 0x0A or 0x1B or 0x2B))
                continue;

            Type? used = null;
            try
            {
                var member = method.Module.ResolveMember(token,
                    method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                    method.IsGenericMethod ? method.GetGenericArguments() : null);
                used = member as Type ?? member?.DeclaringType;
            }
            catch (ArgumentException)
            {
                // Not a token after all: a byte of some other operand.
            }

            if (used is not null)
                yield return used;
        }
    }
}
