using System.Globalization;
using System.Net.Mail;
using System.Text;
using CsvHelper;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Officers;

/// <summary>
/// Imports IROs from CSV (name,email,phone,employment,agency,fte,gender,ethnicity,start_date,end_date).
/// Every row is validated first; any error means nothing is written. IROs already known by email are updated.
/// </summary>
public sealed class ImportOfficers(IroDbContext db)
{
    public static readonly string[] Columns =
        ["name", "email", "phone", "employment", "agency", "fte", "gender", "ethnicity", "start_date", "end_date"];

    public sealed record ImportError(string File, int Row, string Column, string Value, string Message)
    {
        public override string ToString() =>
            Row == 0 ? $"{File}: {Message}" : $"{File} row {Row}, column {Column}, value '{Value}': {Message}";
    }

    public sealed record Result(int Added, int Updated, IReadOnlyList<ImportError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<Result> ImportAsync(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) return Failed(new ImportError(file, 0, "", "", $"file '{path}' does not exist"));

        var (officers, errors) = Parse(file, await File.ReadAllTextAsync(path, ct));
        if (errors.Count > 0) return new Result(0, 0, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var emails = officers.Select(o => o.Email).ToList();
        var existing = await db.ReviewingOfficers.Where(o => emails.Contains(o.Email)).ToDictionaryAsync(o => o.Email, StringComparer.OrdinalIgnoreCase, ct);
        int added = 0, updated = 0;
        foreach (var officer in officers)
        {
            if (existing.TryGetValue(officer.Email, out var current))
            {
                CopyInto(officer, current);
                updated++;
            }
            else
            {
                db.ReviewingOfficers.Add(officer);
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(added, updated, []);
    }

    /// <summary>Parses and validates the whole file; returns the officers only when every row is valid.</summary>
    public static (List<ReviewingOfficer> Officers, List<ImportError> Errors) Parse(string file, string text)
    {
        var officers = new List<ReviewingOfficer>();
        var errors = new List<ImportError>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true });
        var header = csv.Read() ? Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList() : null;
        if (CsvImportHeader.Index(file, header, Columns, errors) is not { } index) return (officers, errors);
        var seenEmails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            // Row numbers are file lines, counting the header as row 1, as a spreadsheet shows them.
            var row = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToArray();
            if (fields.All(f => f.Length == 0)) continue;
            var rowErrors = new List<ImportError>();
            string Field(string column) => index[column] < fields.Length ? fields[index[column]] : "";
            void Error(string column, string message) => rowErrors.Add(new ImportError(file, row, column, Field(column), message));

            var name = Field("name");
            if (name.Length == 0) Error("name", "a name is required");
            else if (name.Length > 200) Error("name", "must be at most 200 characters");

            var email = Field("email");
            if (!IsEmail(email)) Error("email", "is not a valid email address");
            else if (seenEmails.TryGetValue(email, out var firstRow)) Error("email", $"appears already on row {firstRow}");
            else seenEmails[email] = row;

            var phone = Field("phone");
            if (phone.Length > 40) Error("phone", "must be at most 40 characters");

            Employment employment = default;
            if (!Enum.TryParse(Field("employment"), ignoreCase: true, out employment) || !Enum.IsDefined(employment))
                Error("employment", "must be InHouse or Commissioned");

            var agency = Field("agency");
            if (employment == Employment.Commissioned && agency.Length == 0) Error("agency", "a commissioned IRO needs the agency's name");
            if (employment == Employment.InHouse && agency.Length > 0) Error("agency", "an in-house IRO has no agency; leave it blank");

            if (!decimal.TryParse(Field("fte"), NumberStyles.Number, CultureInfo.InvariantCulture, out var fte) || fte <= 0 || fte > 1)
                Error("fte", "must be a number greater than 0 and at most 1.0");

            var gender = Gender.NotKnown;
            var genderText = Field("gender");
            if (genderText.Length > 0 && (!Enum.TryParse(genderText, ignoreCase: true, out gender) || !Enum.IsDefined(gender)))
                Error("gender", "must be Female, Male, Other or NotKnown");

            Ethnicity? ethnicity = null;
            var ethnicityText = Field("ethnicity");
            if (ethnicityText.Length > 0)
            {
                if (Enum.TryParse<Ethnicity>(ethnicityText, ignoreCase: true, out var code) && Enum.IsDefined(code) && !int.TryParse(ethnicityText, out _))
                    ethnicity = code;
                else
                    Error("ethnicity", "must be one of the 903 ethnicity codes (e.g. WBRI, BCRB)");
            }

            var start = ParseDate(Field("start_date"));
            if (start is null) Error("start_date", "must be a date written YYYY-MM-DD");
            DateOnly? end = null;
            var endText = Field("end_date");
            if (endText.Length > 0)
            {
                end = ParseDate(endText);
                if (end is null) Error("end_date", "must be a date written YYYY-MM-DD, or blank");
                else if (start is not null && end < start) Error("end_date", "is before start_date");
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            officers.Add(new ReviewingOfficer
            {
                Name = name,
                Email = email,
                Phone = phone.Length == 0 ? null : phone,
                Employment = employment,
                Agency = agency.Length == 0 ? null : agency,
                Fte = fte,
                Gender = gender,
                Ethnicity = ethnicity,
                StartDate = start!.Value,
                EndDate = end,
            });
        }

        if (officers.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(file, 0, "", "", "the file has a header but no IRO rows"));
        return (officers, errors);
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static bool IsEmail(string text) =>
        text.Length is > 0 and <= 256 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    private static void CopyInto(ReviewingOfficer from, ReviewingOfficer to)
    {
        to.Name = from.Name;
        to.Phone = from.Phone;
        to.Employment = from.Employment;
        to.Agency = from.Agency;
        to.Fte = from.Fte;
        to.Gender = from.Gender;
        to.Ethnicity = from.Ethnicity;
        to.StartDate = from.StartDate;
        to.EndDate = from.EndDate;
    }

    private static Result Failed(ImportError error) => new(0, 0, [error]);
}
