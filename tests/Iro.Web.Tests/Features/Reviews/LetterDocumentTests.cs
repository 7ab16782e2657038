using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Features.Reviews;

namespace Iro.Web.Tests.Features.Reviews;

public sealed class LetterDocumentTests
{
    public static IReadOnlyList<ValidationErrorInfo> ValidationErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. new OpenXmlValidator().Validate(document)];
    }

    public static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    public void The_letter_is_a_valid_word_document_written_to_the_child()
    {
        var child = new Child { LocalId = "X1", FirstName = "Amara", LastName = "Khan" };
        var review = new Review
        {
            HeldOn = new DateOnly(2026, 11, 20), LetterWorkingWell = "School is going well.\nYou enjoy football.", LetterWorries = "Contact with mum.",
            LetterChildsWords = "I want to stay here.", LetterScaling = 7,
            Decisions = [new ReviewDecision { What = "Arrange contact", PersonName = "Jo Smith", PersonRole = "Social worker", DueBy = new DateOnly(2026, 12, 18) }],
        };
        var bytes = LetterDocument.Build(RecordOfReviewLetter.For(child, review));
        var errors = ValidationErrors(bytes);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Description)));
        var text = Text(bytes);
        foreach (var expected in new[] { "Dear Amara,", "What's working well", "You enjoy football.", "What we are worried about", "What needs to happen",
                     "Arrange contact – Jo Smith (Social worker) by 18 December 2026.", "I want to stay here.", "you said 7" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }
}
