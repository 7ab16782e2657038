using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Iro.Ssda903;

/// <summary>903 code lists, versioned by collection year where the DfE changed them.</summary>
public static partial class Ssda903Codes
{
    private static FrozenSet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> SexNumeric { get; } = Set("1", "2");

    public static FrozenSet<string> SexLetters { get; } = Set("M", "F", "U");

    public static FrozenSet<string> Ethnic { get; } = Set(
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
        "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    public static FrozenSet<string> UpnUnknown { get; } = Set("UN1", "UN2", "UN3", "UN4", "UN5");

    public static FrozenSet<string> Mother { get; } = Set("0", "1");

    public static FrozenSet<string> Rne { get; } = Set("S", "L", "P", "T", "B", "U");

    public static FrozenSet<string> LegalStatus { get; } = Set("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3");

    public static FrozenSet<string> ShortBreakLegalStatus { get; } = Set("V3", "V4");

    public static FrozenSet<string> CategoryOfNeed { get; } = Set("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    private static readonly string[] Place2022 =
    [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ];

    private static readonly FrozenSet<string> PlaceTo2023 = Set(Place2022);

    private static readonly FrozenSet<string> Place2024 = Set([.. Place2022, "K3"]);

    private static readonly FrozenSet<string> PlaceFrom2025 = Set(
    [
        .. Place2022.Where(p => p is not ("H5" or "P2" or "Z1")), "K3", "Z11", "Z12", "Z13", "Z14",
    ]);

    private static readonly FrozenSet<string> NoProviderTo2024 = Set("T0", "T1", "T2", "T3", "T4", "Z1");

    private static readonly FrozenSet<string> NoProviderFrom2025 = Set("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14");

    public static FrozenSet<string> PlaceProvider { get; } = Set("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    public static FrozenSet<string> Rec { get; } = Set(
        "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17");

    public static FrozenSet<string> ReasonPlaceChange { get; } = Set(
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");

    public static FrozenSet<string> ReviewCode { get; } = Set("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");

    public static FrozenSet<string> MissingType { get; } = Set("M", "A");

    /// <summary>SEX codes valid in the year: 1/2 up to 2023-24, M/F/U from 2024-25.</summary>
    public static FrozenSet<string> Sex(CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.UsesLetterSexCodes ? SexLetters : SexNumeric;
    }

    /// <summary>
    /// PLACE codes valid in the year: the 2022-23 list (27 codes) up to 2023-24, and for earlier years;
    /// 2024-25 adds K3; from 2025-26 H5, P2 and Z1 are replaced by Z11-Z14.
    /// </summary>
    public static FrozenSet<string> Place(CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.StartYear switch
        {
            <= 2023 => PlaceTo2023,
            2024 => Place2024,
            _ => PlaceFrom2025,
        };
    }

    /// <summary>Placement types that must have a blank PLACE_PROVIDER (rule 178).</summary>
    public static FrozenSet<string> PlacesWithoutProvider(CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.StartYear >= 2025 ? NoProviderFrom2025 : NoProviderTo2024;
    }

    /// <summary>Maps 1/2/M/F/U (any year's coding) to M/F/U; null when blank or unrecognised.</summary>
    public static string? NormaliseSex(string? code) => code switch
    {
        "1" or "M" => "M",
        "2" or "F" => "F",
        "U" => "U",
        _ => null,
    };

    /// <summary>
    /// Encodes a sex code (any coding) for the year: 1/2 up to 2023-24, M/F/U from 2024-25.
    /// U has no code before 2024-25 and unrecognised codes are written unchanged.
    /// </summary>
    public static string? EncodeSex(string? code, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var sex = NormaliseSex(code);
        if (sex is null)
        {
            return code;
        }

        return year.UsesLetterSexCodes ? sex : sex switch { "M" => "1", "F" => "2", _ => code };
    }

    /// <summary>UPN check of rule 168: a valid UPN or UN1-UN5.</summary>
    public static bool IsValidUpn(string? upn) => upn is not null && (UpnUnknown.Contains(upn) || UpnRegex().IsMatch(upn));

    [GeneratedRegex(@"^(?![IOS])[A-Z](\d{12}|\d{11}[A-Z])$", RegexOptions.CultureInvariant)]
    private static partial Regex UpnRegex();
}
