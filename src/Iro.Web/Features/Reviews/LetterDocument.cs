using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Iro.Domain.Reviews;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// Writes the record of review letter as a Word document on A4, with the Title and Heading 1 styles so the
/// letter's structure survives in Word (navigation pane, screen readers, conversion to PDF).
/// </summary>
public static class LetterDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string TitleStyle = "Title";
    public const string HeadingStyle = "Heading1";

    // A4 in twentieths of a point (210 × 297 mm), with 2.54 cm margins.
    public const int A4WidthTwips = 11906;
    public const int A4HeightTwips = 16838;
    private const int MarginTwips = 1440;

    public static byte[] Build(RecordOfReviewLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var paragraphs = new List<LetterParagraph> { new(letter.Date, AlignRight: true), new(letter.Title, TitleStyle), new(letter.Greeting) };
        foreach (var (heading, texts) in letter.Sections)
        {
            paragraphs.Add(new(heading, HeadingStyle));
            paragraphs.AddRange(texts.Select(text => new LetterParagraph(text)));
        }

        paragraphs.Add(new(letter.SignOff));
        paragraphs.Add(new(letter.Signature));
        paragraphs.AddRange(letter.Contact.Select(line => new LetterParagraph(line)));
        return Write(paragraphs);
    }

    /// <summary>Any letter the service writes (the record of review, the escalation notice): paragraphs in order, on A4 with the shared styles.</summary>
    public static byte[] Write(IEnumerable<LetterParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = SharedStyles();
            styles.Styles.Save();

            var body = new Body();
            foreach (var paragraph in paragraphs) body.Append(Paragraph(paragraph.Text, paragraph.Style, paragraph.AlignRight, paragraph.PageBreakBefore));
            body.Append(new SectionProperties(
                new PageSize { Width = A4WidthTwips, Height = A4HeightTwips },
                new PageMargin { Top = MarginTwips, Right = MarginTwips, Bottom = MarginTwips, Left = MarginTwips, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph in the shared styles, with text XML can carry.</summary>
    public static Paragraph Paragraph(string text, string? style = null, bool alignRight = false, bool pageBreakBefore = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
        if (pageBreakBefore) properties.Append(new PageBreakBefore());
        if (alignRight) properties.Append(new Justification { Val = JustificationValues.Right });
        return new Paragraph(properties, new Run(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The styles every document the service writes shares: Arial 12, Title and Heading 1.</summary>
    public static Styles SharedStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "24" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160" }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading(TitleStyle, "Title", size: 36, outlineLevel: null),
        Heading(HeadingStyle, "heading 1", size: 28, outlineLevel: 0));

    private static Style Heading(string id, string name, int size, int? outlineLevel)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outlineLevel is { } level) paragraph.Append(new OutlineLevel { Val = level });
        return new Style(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    /// <summary>
    /// Only characters XML may carry: a control character saved before they were stripped on save (or any
    /// other character XML forbids) would make every download of the letter fail.
    /// </summary>
    private static string XmlSafe(string text)
    {
        var stripped = ReviewTextLimits.StripControlCharacters(text);
        var safe = new StringBuilder(stripped.Length);
        for (var i = 0; i < stripped.Length; i++)
        {
            if (i + 1 < stripped.Length && XmlConvert.IsXmlSurrogatePair(stripped[i + 1], stripped[i])) safe.Append(stripped, i++, 2);
            else if (XmlConvert.IsXmlChar(stripped[i])) safe.Append(stripped[i]);
        }

        return safe.ToString();
    }
}

/// <summary>
/// One paragraph of a letter: its text, optionally a style (<see cref="LetterDocument.TitleStyle"/>,
/// <see cref="LetterDocument.HeadingStyle"/>), right alignment, and a page break before it (several letters in one document).
/// </summary>
public sealed record LetterParagraph(string Text, string? Style = null, bool AlignRight = false, bool PageBreakBefore = false);
