using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SupportConsole.Tests.Architecture;

public sealed class DomainBoundaryTests
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "MudBlazor", "Microsoft.JSInterop",
    ];

    [Fact]
    public void Domain_namespace_references_no_infrastructure()
    {
        var offenders = DomainTypeReferences()
            .Where(r => Forbidden.Any(f => r.Referenced.StartsWith(f, StringComparison.Ordinal)))
            .Select(r => $"{r.From} -> {r.Referenced}")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Domain_namespace_does_not_read_the_clock()
    {
        var offenders = DomainMemberReferences()
            .Where(r => r.Member is "System.DateTime.get_Now" or "System.DateTime.get_UtcNow" or "System.DateTimeOffset.get_Now"
                or "System.DateTimeOffset.get_UtcNow" or "System.TimeZoneInfo.get_Local" or "System.DateTime.get_Today")
            .Select(r => $"{r.From} -> {r.Member}")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_check_sees_domain_types_and_would_catch_a_reference()
    {
        // Guards against the check passing vacuously: the domain exists, and app code outside it does use EF Core.
        Assert.Contains(DomainTypeReferences(), r => r.From.StartsWith("SupportConsole.Domain.", StringComparison.Ordinal));
        Assert.Contains(AllTypeReferences(), r => r.Referenced.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    internal sealed record TypeReference(string From, string Referenced);

    internal sealed record MemberReference(string From, string Member);

    private static IEnumerable<TypeReference> DomainTypeReferences() =>
        AllTypeReferences().Where(r => r.From.StartsWith("SupportConsole.Domain", StringComparison.Ordinal));

    /// <summary>Reads the compiled app's metadata: every type a method body, signature, field or base type names.</summary>
    internal static IEnumerable<TypeReference> AllTypeReferences()
    {
        var assembly = typeof(Program).Assembly;
        foreach (var type in assembly.GetTypes())
        {
            var from = type.FullName ?? type.Name;
            var referenced = new List<Type?> { type.BaseType };
            referenced.AddRange(type.GetInterfaces());
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            referenced.AddRange(type.GetFields(all).Select(f => f.FieldType));
            referenced.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                referenced.AddRange(method.GetParameters().Select(p => p.ParameterType));
                if (method is MethodInfo info) referenced.Add(info.ReturnType);
                referenced.AddRange(method.GetCustomAttributesData().Select(a => a.AttributeType));
            }
            referenced.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
            foreach (var t in referenced.Where(t => t is not null).SelectMany(Flatten))
            {
                yield return new TypeReference(from, t.FullName ?? t.Name);
            }
        }
        foreach (var member in AllMemberReferences())
        {
            yield return new TypeReference(member.From, member.Member);
        }
    }

    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type is null) yield break;
        yield return type;
        if (type.HasElementType) foreach (var t in Flatten(type.GetElementType())) yield return t;
        if (type.IsGenericType) foreach (var t in type.GetGenericArguments().SelectMany(Flatten)) yield return t;
    }

    private static IEnumerable<MemberReference> DomainMemberReferences() =>
        AllMemberReferences().Where(r => r.From.StartsWith("SupportConsole.Domain", StringComparison.Ordinal));

    /// <summary>Every member reference in method bodies, attributed to the declaring type of the calling method.</summary>
    private static IEnumerable<MemberReference> AllMemberReferences()
    {
        using var stream = File.OpenRead(typeof(Program).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var results = new List<MemberReference>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var typeDef = md.GetTypeDefinition(typeHandle);
            var from = FullName(md, typeDef);
            foreach (var methodHandle in typeDef.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0) continue;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                while (il.RemainingBytes > 0)
                {
                    var opcode = ReadOpCode(ref il);
                    if (OperandIsToken(opcode))
                    {
                        var token = il.ReadInt32();
                        var handle = MetadataTokens.EntityHandle(token);
                        if (handle.Kind == HandleKind.MemberReference)
                        {
                            var member = md.GetMemberReference((MemberReferenceHandle)handle);
                            results.Add(new MemberReference(from, $"{ParentName(md, member.Parent)}.{md.GetString(member.Name)}"));
                        }
                        else if (handle.Kind == HandleKind.TypeReference)
                        {
                            results.Add(new MemberReference(from, TypeRefName(md, (TypeReferenceHandle)handle)));
                        }
                        else if (handle.Kind == HandleKind.TypeDefinition)
                        {
                            results.Add(new MemberReference(from, FullName(md, md.GetTypeDefinition((TypeDefinitionHandle)handle))));
                        }
                        else if (handle.Kind == HandleKind.MethodDefinition)
                        {
                            var target = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                            results.Add(new MemberReference(from, $"{FullName(md, md.GetTypeDefinition(target.GetDeclaringType()))}.{md.GetString(target.Name)}"));
                        }
                        else if (handle.Kind == HandleKind.FieldDefinition)
                        {
                            var target = md.GetFieldDefinition((FieldDefinitionHandle)handle);
                            results.Add(new MemberReference(from, $"{FullName(md, md.GetTypeDefinition(target.GetDeclaringType()))}.{md.GetString(target.Name)}"));
                        }
                        else if (handle.Kind == HandleKind.MethodSpecification)
                        {
                            // A generic method's instantiation (GetRequiredService<CaseDesk>()): the method and its type arguments.
                            var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                            foreach (var argument in spec.DecodeSignature(new TypeNames(md), null))
                            {
                                results.Add(new MemberReference(from, argument));
                            }
                            if (spec.Method.Kind == HandleKind.MethodDefinition)
                            {
                                var target = md.GetMethodDefinition((MethodDefinitionHandle)spec.Method);
                                results.Add(new MemberReference(from, FullName(md, md.GetTypeDefinition(target.GetDeclaringType()))));
                            }
                        }
                        else if (handle.Kind == HandleKind.TypeSpecification)
                        {
                            results.Add(new MemberReference(from, GenericTypeSpecName(md, (TypeSpecificationHandle)handle)));
                        }
                    }
                    else
                    {
                        SkipOperand(ref il, opcode);
                    }
                }
            }
        }
        return results;
    }

    /// <summary>Names the types in a signature (generic arguments of a method instantiation), outermost generic type and its arguments joined by spaces.</summary>
    private sealed class TypeNames(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(md, md.GetTypeDefinition(handle));
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeRefName(md, handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => GenericTypeSpecName(md, handle);
        public string GetSZArrayType(string elementType) => elementType;
        public string GetArrayType(string elementType, ArrayShape shape) => elementType;
        public string GetByReferenceType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => genericType;
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }

    private static string FullName(MetadataReader md, TypeDefinition type)
    {
        var ns = md.GetString(type.Namespace);
        var name = md.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } parent)
        {
            return FullName(md, md.GetTypeDefinition(parent)) + "+" + name;
        }
        return string.IsNullOrEmpty(ns) ? name : ns + "." + name;
    }

    private static string TypeRefName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var ns = md.GetString(type.Namespace);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeRefName(md, (TypeReferenceHandle)type.ResolutionScope) + "+" + md.GetString(type.Name);
        }
        return string.IsNullOrEmpty(ns) ? md.GetString(type.Name) : ns + "." + md.GetString(type.Name);
    }

    private static string ParentName(MetadataReader md, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => TypeRefName(md, (TypeReferenceHandle)parent),
        HandleKind.TypeDefinition => FullName(md, md.GetTypeDefinition((TypeDefinitionHandle)parent)),
        HandleKind.TypeSpecification => GenericTypeSpecName(md, (TypeSpecificationHandle)parent),
        _ => "?",
    };

    private static string GenericTypeSpecName(MetadataReader md, TypeSpecificationHandle handle)
    {
        // A generic instantiation's blob starts with GENERICINST, CLASS|VALUETYPE, then the type handle.
        var blob = md.GetBlobReader(md.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureHeader().RawValue == 0x15)
        {
            blob.ReadByte();
            var inner = blob.ReadTypeHandle();
            return inner.Kind == HandleKind.TypeReference ? TypeRefName(md, (TypeReferenceHandle)inner)
                : inner.Kind == HandleKind.TypeDefinition ? FullName(md, md.GetTypeDefinition((TypeDefinitionHandle)inner)) : "?";
        }
        return "?";
    }

    private static ushort ReadOpCode(ref BlobReader il)
    {
        var first = il.ReadByte();
        return first == 0xFE ? (ushort)(0xFE00 | il.ReadByte()) : first;
    }

    private static bool OperandIsToken(ushort op) => op is
        0x28 or 0x29 or 0x6F or 0x70 or 0x71 or 0x73 or 0x74 or 0x75 or 0x79 or 0x7B or 0x7C or 0x7D or 0x7E or 0x7F or 0x80 or 0x81
        or 0x8C or 0x8D or 0x8F or 0xA3 or 0xA4 or 0xA5 or 0xC2 or 0xC6 or 0xD0 or 0x27
        or 0xFE06 or 0xFE07 or 0xFE15 or 0xFE16 or 0xFE1C;

    private static void SkipOperand(ref BlobReader il, ushort op)
    {
        switch (op)
        {
            case 0x20 or 0x22 or 0x72 or 0x38 or 0x39 or 0x3A or 0x3B or 0x3C or 0x3D or 0x3E or 0x3F or 0x40 or 0x41 or 0x42 or 0x43 or 0x44 or 0xDD:
                il.Offset += 4; break;
            case 0x21 or 0x23:
                il.Offset += 8; break;
            case 0x0E or 0x0F or 0x10 or 0x11 or 0x12 or 0x13 or 0x1F or 0x2B or 0x2C or 0x2D or 0x2E or 0x2F or 0x30 or 0x31 or 0x32 or 0x33 or 0x34 or 0x35 or 0x36 or 0x37 or 0xDE:
                il.Offset += 1; break;
            case 0x45:
                var count = il.ReadInt32();
                il.Offset += 4 * count; break;
            case 0xFE09 or 0xFE0A or 0xFE0B or 0xFE0C or 0xFE0D or 0xFE0E:
                il.Offset += 2; break;
            case 0xFE12 or 0xFE19:
                il.Offset += 1; break;
        }
    }
}
