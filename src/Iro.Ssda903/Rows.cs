namespace Iro.Ssda903;

/// <summary>
/// Base of every 903 row. <see cref="RowNumber"/> is the 1-based data row in its source table
/// (header line not counted; 0 for rows built in code). String cells are trimmed and upper-cased,
/// blank cells are null. Dates keep their raw text and their strict DD/MM/YYYY value.
/// </summary>
public abstract record Ssda903Row
{
    public int RowNumber { get; init; }

    public required string Child { get; init; }

    public abstract Ssda903Table Table { get; }

    /// <summary>Cell texts in DfE column order, as held (raw sex code, raw date text).</summary>
    public IReadOnlyList<string?> RawValues() => Cells(null);

    /// <summary>Cell texts in DfE column order; with a year, encoded for that year (sex code, date format).</summary>
    internal abstract string?[] Cells(CollectionYear? writeYear);

    private protected static string? D(Ssda903Date date, CollectionYear? writeYear) =>
        writeYear is null ? date.Text : date.IsBlank ? null : date.ToFileText();

    private protected static string? S(string? sexCode, CollectionYear? writeYear) =>
        writeYear is null ? sexCode : Ssda903Codes.EncodeSex(sexCode, writeYear);
}

/// <summary>Header: CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB.</summary>
public sealed record HeaderRow : Ssda903Row
{
    /// <summary>SEX as recorded in the source (1/2 or M/F/U).</summary>
    public string? SexCode { get; init; }

    /// <summary>SEX normalised to M/F/U whatever the year's coding; null if unrecognised or blank.</summary>
    public string? Sex => Ssda903Codes.NormaliseSex(SexCode);

    public Ssda903Date Dob { get; init; }

    public string? Ethnic { get; init; }

    public string? Upn { get; init; }

    public string? Mother { get; init; }

    public Ssda903Date McDob { get; init; }

    public override Ssda903Table Table => Ssda903Table.Header;

    internal override string?[] Cells(CollectionYear? y) => [Child, S(SexCode, y), D(Dob, y), Ethnic, Upn, Mother, D(McDob, y)];
}

/// <summary>Episodes: CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN.</summary>
public sealed record EpisodeRow : Ssda903Row
{
    public Ssda903Date Decom { get; init; }

    public string? Rne { get; init; }

    public string? Ls { get; init; }

    public string? Cin { get; init; }

    public string? Place { get; init; }

    public string? PlaceProvider { get; init; }

    public Ssda903Date Dec { get; init; }

    public string? Rec { get; init; }

    public string? ReasonPlaceChange { get; init; }

    public string? HomePost { get; init; }

    public string? PlPost { get; init; }

    public string? Urn { get; init; }

    public override Ssda903Table Table => Ssda903Table.Episodes;

    internal override string?[] Cells(CollectionYear? y) =>
        [Child, D(Decom, y), Rne, Ls, Cin, Place, PlaceProvider, D(Dec, y), Rec, ReasonPlaceChange, HomePost, PlPost, Urn];
}

/// <summary>Reviews: CHILD, DOB, REVIEW, REVIEW_CODE.</summary>
public sealed record ReviewRow : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Date Review { get; init; }

    /// <summary>Participation code PN0-PN7.</summary>
    public string? ReviewCode { get; init; }

    public override Ssda903Table Table => Ssda903Table.Reviews;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), D(Review, y), ReviewCode];
}

/// <summary>UASC: CHILD, SEX, DOB, DUC.</summary>
public sealed record UascRow : Ssda903Row
{
    public string? SexCode { get; init; }

    public string? Sex => Ssda903Codes.NormaliseSex(SexCode);

    public Ssda903Date Dob { get; init; }

    public Ssda903Date Duc { get; init; }

    public override Ssda903Table Table => Ssda903Table.Uasc;

    internal override string?[] Cells(CollectionYear? y) => [Child, S(SexCode, y), D(Dob, y), D(Duc, y)];
}

/// <summary>Missing: CHILD, DOB, MISSING, MIS_START, MIS_END.</summary>
public sealed record MissingRow : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? Missing { get; init; }

    public Ssda903Date MisStart { get; init; }

    public Ssda903Date MisEnd { get; init; }

    public override Ssda903Table Table => Ssda903Table.Missing;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), Missing, D(MisStart, y), D(MisEnd, y)];
}

/// <summary>OC2: CHILD, DOB, SDQ_SCORE, SDQ_REASON, CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED.</summary>
public sealed record Oc2Row : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? SdqScore { get; init; }

    public string? SdqReason { get; init; }

    public string? Convicted { get; init; }

    public string? HealthCheck { get; init; }

    public string? Immunisations { get; init; }

    public string? TeethCheck { get; init; }

    public string? HealthAssessment { get; init; }

    public string? SubstanceMisuse { get; init; }

    public string? InterventionReceived { get; init; }

    public string? InterventionOffered { get; init; }

    public override Ssda903Table Table => Ssda903Table.Oc2;

    internal override string?[] Cells(CollectionYear? y) =>
        [Child, D(Dob, y), SdqScore, SdqReason, Convicted, HealthCheck, Immunisations, TeethCheck, HealthAssessment, SubstanceMisuse, InterventionReceived, InterventionOffered];
}

/// <summary>OC3: CHILD, DOB, IN_TOUCH, ACTIV, ACCOM.</summary>
public sealed record Oc3Row : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? InTouch { get; init; }

    public string? Activ { get; init; }

    public string? Accom { get; init; }

    public override Ssda903Table Table => Ssda903Table.Oc3;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), InTouch, Activ, Accom];
}

/// <summary>AD1: CHILD, DOB, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR.</summary>
public sealed record Ad1Row : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Date DateInt { get; init; }

    public Ssda903Date DateMatch { get; init; }

    public string? FosterCare { get; init; }

    public string? NbAdoptr { get; init; }

    public string? SexAdoptr { get; init; }

    public string? LsAdoptr { get; init; }

    public override Ssda903Table Table => Ssda903Table.Ad1;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), D(DateInt, y), D(DateMatch, y), FosterCare, NbAdoptr, SexAdoptr, LsAdoptr];
}

/// <summary>PlacedAdoption: CHILD, DOB, DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED.</summary>
public sealed record PlacedAdoptionRow : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Date DatePlaced { get; init; }

    public Ssda903Date DatePlacedCeased { get; init; }

    public string? ReasonPlacedCeased { get; init; }

    public override Ssda903Table Table => Ssda903Table.PlacedAdoption;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), D(DatePlaced, y), D(DatePlacedCeased, y), ReasonPlacedCeased];
}

/// <summary>PrevPerm: CHILD, DOB, PREV_PERM, LA_PERM, DATE_PERM (DATE_PERM may be partial).</summary>
public sealed record PrevPermRow : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? PrevPerm { get; init; }

    public string? LaPerm { get; init; }

    public Ssda903Date DatePerm { get; init; }

    public override Ssda903Table Table => Ssda903Table.PrevPerm;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), PrevPerm, LaPerm, D(DatePerm, y)];
}

/// <summary>SWEpisodes: CHILD, DOB, SW_ID, SW_DECOM, SW_DEC, SW_REASON.</summary>
public sealed record SwEpisodeRow : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? SwId { get; init; }

    public Ssda903Date SwDecom { get; init; }

    public Ssda903Date SwDec { get; init; }

    public string? SwReason { get; init; }

    public override Ssda903Table Table => Ssda903Table.SwEpisodes;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), SwId, D(SwDecom, y), D(SwDec, y), SwReason];
}

/// <summary>DoLo: CHILD, DOB, DOLO_START, DOLO_END.</summary>
public sealed record DoLoRow : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Date DoloStart { get; init; }

    public Ssda903Date DoloEnd { get; init; }

    public override Ssda903Table Table => Ssda903Table.DoLo;

    internal override string?[] Cells(CollectionYear? y) => [Child, D(Dob, y), D(DoloStart, y), D(DoloEnd, y)];
}

/// <summary>Builds rows from cells in DfE column order (already trimmed, upper-cased, blank as null).</summary>
internal static class RowFactory
{
    private static Ssda903Date P(string? s) => Ssda903Date.Parse(s);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Ssda903Row Create(Ssda903Table table, int row, string?[] v) => table switch
    {
        Ssda903Table.Header => new HeaderRow { RowNumber = row, Child = v[0] ?? string.Empty, SexCode = v[1], Dob = P(v[2]), Ethnic = v[3], Upn = v[4], Mother = v[5], McDob = P(v[6]) },
        Ssda903Table.Episodes => new EpisodeRow
        {
            RowNumber = row, Child = v[0] ?? string.Empty, Decom = P(v[1]), Rne = v[2], Ls = v[3], Cin = v[4], Place = v[5], PlaceProvider = v[6],
            Dec = P(v[7]), Rec = v[8], ReasonPlaceChange = v[9], HomePost = v[10], PlPost = v[11], Urn = v[12],
        },
        Ssda903Table.Reviews => new ReviewRow { RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), Review = P(v[2]), ReviewCode = v[3] },
        Ssda903Table.Uasc => new UascRow { RowNumber = row, Child = v[0] ?? string.Empty, SexCode = v[1], Dob = P(v[2]), Duc = P(v[3]) },
        Ssda903Table.Missing => new MissingRow { RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), Missing = v[2], MisStart = P(v[3]), MisEnd = P(v[4]) },
        Ssda903Table.Oc2 => new Oc2Row
        {
            RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), SdqScore = v[2], SdqReason = v[3], Convicted = v[4], HealthCheck = v[5],
            Immunisations = v[6], TeethCheck = v[7], HealthAssessment = v[8], SubstanceMisuse = v[9], InterventionReceived = v[10], InterventionOffered = v[11],
        },
        Ssda903Table.Oc3 => new Oc3Row { RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), InTouch = v[2], Activ = v[3], Accom = v[4] },
        Ssda903Table.Ad1 => new Ad1Row
        {
            RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), DateInt = P(v[2]), DateMatch = P(v[3]), FosterCare = v[4], NbAdoptr = v[5], SexAdoptr = v[6], LsAdoptr = v[7],
        },
        Ssda903Table.PlacedAdoption => new PlacedAdoptionRow { RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), DatePlaced = P(v[2]), DatePlacedCeased = P(v[3]), ReasonPlacedCeased = v[4] },
        Ssda903Table.PrevPerm => new PrevPermRow { RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), PrevPerm = v[2], LaPerm = v[3], DatePerm = Ssda903Date.Parse(v[4], allowPartial: true) },
        Ssda903Table.SwEpisodes => new SwEpisodeRow { RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), SwId = v[2], SwDecom = P(v[3]), SwDec = P(v[4]), SwReason = v[5] },
        Ssda903Table.DoLo => new DoLoRow { RowNumber = row, Child = v[0] ?? string.Empty, Dob = P(v[1]), DoloStart = P(v[2]), DoloEnd = P(v[3]) },
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    /// <summary>Trims and upper-cases a cell; blank becomes null. Allocates only when the text changes.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static string? Normalise(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var span = raw.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        var needsUpper = false;
        foreach (var c in span)
        {
            if (char.IsLower(c))
            {
                needsUpper = true;
                break;
            }
        }

        if (!needsUpper)
        {
            return span.Length == raw.Length ? raw : span.ToString();
        }

        return span.ToString().ToUpperInvariant();
    }
}
