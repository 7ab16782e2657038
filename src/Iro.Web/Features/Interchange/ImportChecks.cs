using Iro.Ssda903;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Checks that only matter for storing a return (the format library's validator covers the DfE rules):
/// values the database cannot hold, codes the service needs that the DfE lets be blank, and keys that
/// would make two rows one. Rule codes IMPnn; all are errors.
/// </summary>
public static class ImportChecks
{
    public static IReadOnlyList<Ssda903Rule> Rules { get; } =
    [
        new("IMP01", FindingSeverity.Error, "A code the service needs to store the episode is blank.", "Episodes RNE, LS, CIN or PLACE blank."),
        new("IMP02", FindingSeverity.Error, "Value is longer than the service can store.", "CHILD over 10 characters; UPN over 13; HOME_POST, PL_POST, URN over 8; SW_ID over 200; SW_REASON and OC2 values over 10."),
        new("IMP03", FindingSeverity.Error, "Missing type is not a valid code.", "Missing MISSING present and not M or A."),
        new("IMP04", FindingSeverity.Error, "Date the social worker episode began is blank.", "SWEpisodes SW_DECOM blank."),
        new("IMP05", FindingSeverity.Error, "The child has two different rows starting on the same date; only one can be kept.", "Missing (CHILD, MIS_START) or SWEpisodes (CHILD, SW_DECOM) repeated with different values."),
    ];

    public static IReadOnlyList<Finding> Run(Ssda903Return ret)
    {
        ArgumentNullException.ThrowIfNull(ret);
        var findings = new List<Finding>();
        foreach (var row in ret.Header)
        {
            TooLong(findings, row, ("CHILD", row.Child, 10), ("UPN", row.Upn, 13));
        }

        foreach (var row in ret.Episodes)
        {
            // Nothing is allocated for an episode that passes: a national return has hundreds of thousands.
            if (row.Rne is null || row.Ls is null || row.Cin is null || row.Place is null)
            {
                string[] blank = [.. new[] { ("RNE", row.Rne), ("LS", row.Ls), ("CIN", row.Cin), ("PLACE", row.Place) }.Where(c => c.Item2 is null).Select(c => c.Item1)];
                findings.Add(Make("IMP01", row, blank, [.. blank.Select(_ => string.Empty)]));
            }

            TooLong(findings, row, ("HOME_POST", row.HomePost, 8), ("PL_POST", row.PlPost, 8), ("URN", row.Urn, 8));
        }

        foreach (var row in ret.Missing.Where(m => m.Missing is not null && !Ssda903Codes.MissingType.Contains(m.Missing)))
        {
            findings.Add(Make("IMP03", row, ["MISSING"], [row.Missing!]));
        }

        foreach (var row in ret.SwEpisodes)
        {
            if (row.SwDecom.IsBlank) findings.Add(Make("IMP04", row, ["SW_DECOM"], [string.Empty]));
            TooLong(findings, row, ("SW_ID", row.SwId, 200), ("SW_REASON", row.SwReason, 10));
        }

        foreach (var row in ret.Oc2)
        {
            TooLong(findings, row,
                ("SDQ_SCORE", row.SdqScore, 10), ("SDQ_REASON", row.SdqReason, 10), ("CONVICTED", row.Convicted, 10),
                ("HEALTH_CHECK", row.HealthCheck, 10), ("IMMUNISATIONS", row.Immunisations, 10), ("TEETH_CHECK", row.TeethCheck, 10),
                ("HEALTH_ASSESSMENT", row.HealthAssessment, 10), ("SUBSTANCE_MISUSE", row.SubstanceMisuse, 10),
                ("INTERVENTION_RECEIVED", row.InterventionReceived, 10), ("INTERVENTION_OFFERED", row.InterventionOffered, 10));
        }

        ConflictingKeys(findings, ret.Missing, m => m.MisStart.Value, "MIS_START");
        ConflictingKeys(findings, ret.SwEpisodes, s => s.SwDecom.Value, "SW_DECOM");
        return findings;
    }

    private static void ConflictingKeys<T>(List<Finding> findings, IEnumerable<T> rows, Func<T, DateOnly?> start, string field)
        where T : Ssda903Row
    {
        // Exact repeats are the validator's IRO01 warning (they collapse to one row); different rows on one key are errors.
        foreach (var group in rows.Where(r => start(r) is not null).GroupBy(r => (r.Child, start(r))))
        {
            var first = group.First();
            foreach (var row in group.Skip(1).Where(r => !r.RawValues().SequenceEqual(first.RawValues())))
            {
                findings.Add(Make("IMP05", row, ["CHILD", field], [row.Child, Ssda903Date.Format(start(row)!.Value)]));
            }
        }
    }

    private static void TooLong(List<Finding> findings, Ssda903Row row, params (string Field, string? Value, int Max)[] cells)
    {
        foreach (var (field, value, max) in cells)
        {
            if (value is not null && value.Length > max) findings.Add(Make("IMP02", row, [field], [value]));
        }
    }

    private static Finding Make(string code, Ssda903Row row, IReadOnlyList<string> fields, IReadOnlyList<string> values)
    {
        var rule = Rules.First(r => r.Code == code);
        return new Finding(rule.Code, rule.Severity, rule.Message, row.Table, row.RowNumber, fields, values) { Child = row.Child };
    }
}
