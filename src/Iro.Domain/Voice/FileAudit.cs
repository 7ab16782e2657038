using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>
/// An audit of one child's file for one review, answering the configured yes/no questions
/// (<see cref="VoiceOptions.AuditQuestions"/>). One audit per child and review.
/// </summary>
public class FileAudit : IAudited, IAttributed, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public int ReviewId { get; set; }
    public Review? Review { get; set; }
    public DateOnly AuditedOn { get; set; }
    public string? Comment { get; set; }
    public List<FileAuditAnswer> Answers { get; set; } = [];

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One question's answer in a file audit, by the question's configured key.</summary>
public class FileAuditAnswer
{
    public int Id { get; set; }
    public int FileAuditId { get; set; }
    public required string QuestionKey { get; set; }
    public bool Answer { get; set; }
}
