using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Ssda903;

namespace Iro.Web.Features.Interchange;

public enum ImportJobStatus
{
    Queued,
    Running,

    /// <summary>Warnings only; the files are kept until the owner accepts the warnings or cancels.</summary>
    NeedsAcceptance,
    Imported,

    /// <summary>The return has errors; nothing was written.</summary>
    Refused,
    Failed,
    Cancelled,
}

/// <summary>
/// An uploaded return being imported, kept in the database so that its state and findings outlive the
/// process that ran it (and take no memory while nobody looks at them).
/// </summary>
public class ImportJobRecord
{
    /// <summary>The findings kept with a job (the page shows these; the counts cover every finding).</summary>
    public const int FindingsKept = 500;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public required string OwnerName { get; set; }

    /// <summary>1 April of the collection year.</summary>
    public DateOnly YearStart { get; set; }

    public ImportJobStatus Status { get; set; }
    public ImportStage Stage { get; set; }
    public int Processed { get; set; }
    public int Total { get; set; }
    public bool AcceptWarnings { get; set; }

    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Started { get; set; }
    public DateTimeOffset? Finished { get; set; }

    /// <summary>The uploaded files' names as the user chose them, a JSON array; the staged files are named by position.</summary>
    public required string FileNames { get; set; }

    /// <summary>The folder holding the staged files; deleted when the job ends, fails or is cancelled.</summary>
    public required string StagedDirectory { get; set; }

    /// <summary>Why the job failed or was cancelled, in words for the person who uploaded it.</summary>
    public string? Failure { get; set; }

    public int Errors { get; set; }
    public int Warnings { get; set; }

    /// <summary>The first <see cref="FindingsKept"/> findings, as JSON.</summary>
    public string? Findings { get; set; }

    /// <summary>The import record written when the return was imported.</summary>
    public int? ImportId { get; set; }

    /// <summary>The instance running the job (<see cref="Scheduling.InstanceIdentity.Name"/>); null while it waits.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; the running instance renews it, and once it lapses any instance may take the job over.</summary>
    public DateTime? LeaseExpiresUtc { get; set; }

    /// <summary>How many times an instance has started the job (a takeover after an instance stopped is another attempt).</summary>
    public int Attempts { get; set; }

    /// <summary>The owner asked to cancel while another instance was running it; that instance stops at its next lease renewal.</summary>
    public bool CancelRequested { get; set; }

    public CollectionYear Year => CollectionYear.Containing(YearStart);

    public IReadOnlyList<string> Names => JsonSerializer.Deserialize<List<string>>(FileNames, Json) ?? [];

    public string Source => string.Join(", ", Names);

    public bool InProgress => Status is ImportJobStatus.Queued or ImportJobStatus.Running;

    public IReadOnlyList<Finding> KeptFindings => Findings is null ? [] : JsonSerializer.Deserialize<List<Finding>>(Findings, Json) ?? [];

    public static string NamesJson(IReadOnlyList<string> names) => JsonSerializer.Serialize(names, Json);

    public void Record(ImportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Status = outcome.Status switch
        {
            ImportStatus.Imported => ImportJobStatus.Imported,
            ImportStatus.Refused => ImportJobStatus.Refused,
            _ => ImportJobStatus.NeedsAcceptance,
        };
        Errors = outcome.Errors;
        Warnings = outcome.Warnings;
        Findings = JsonSerializer.Serialize(outcome.Findings.Take(FindingsKept).ToList(), Json);
        ImportId = outcome.Record?.Id;
    }

    /// <summary>The staged file for the upload's file at <paramref name="index"/>: never the user's name, which is only shown.</summary>
    public static string StagedFileName(int index, string name) =>
        $"{index:D2}{(name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? ".xml" : ".csv")}";
}
