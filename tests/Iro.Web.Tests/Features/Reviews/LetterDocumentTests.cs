using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentFormat.OpenXml.Validation;
using Iro.Domain.Children;
using Iro.Domain.Officers;
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
        var bytes = LetterDocument.Build(RecordOfReviewLetter.For(child, review, new DateOnly(2026, 11, 27)));
        var errors = ValidationErrors(bytes);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Description)));
        var text = Text(bytes);
        foreach (var expected in new[] { "Dear Amara,", "What's working well", "You enjoy football.", "What we are worried about", "What needs to happen",
                     "Arrange contact – Jo Smith (Social worker) by 18 December 2026.", "I want to stay here.", "you said 7" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_word_letter_uses_heading_styles_a4_the_date_and_the_iro_s_contact_details()
    {
        var child = new Child { LocalId = "X1", FirstName = "Amara", LastName = "Khan" };
        var review = new Review
        {
            HeldOn = new DateOnly(2026, 11, 20), RecordIssuedOn = new DateOnly(2026, 11, 26), LetterWorkingWell = "School.", LetterWorries = "Contact.",
            Chair = new ReviewingOfficer { Name = "Ada Lovelace", Email = "ada.lovelace@council.example", Phone = "01632 960001" },
        };
        var bytes = LetterDocument.Build(RecordOfReviewLetter.For(child, review, new DateOnly(2026, 11, 27)));
        var errors = ValidationErrors(bytes);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Description)));

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var styled = main.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.InnerText)).Where(p => p.Style is not null).ToList();
        Assert.Contains((LetterDocument.TitleStyle, "Record of your review on 20 November 2026"), styled);
        Assert.Contains((LetterDocument.HeadingStyle, "What's working well"), styled);
        Assert.Contains((LetterDocument.HeadingStyle, "What needs to happen"), styled);
        var styleIds = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
        Assert.Contains(LetterDocument.TitleStyle, styleIds);
        Assert.Contains(LetterDocument.HeadingStyle, styleIds);

        var page = main.Document.Body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));

        var text = Text(bytes);
        foreach (var expected in new[] { "26 November 2026", "Ada Lovelace", "Independent Reviewing Officer", "ada.lovelace@council.example", "01632 960001" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }
}
