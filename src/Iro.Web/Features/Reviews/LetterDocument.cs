using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Iro.Web.Features.Reviews;

/// <summary>Writes the record of review letter as a Word document.</summary>
public static class LetterDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(RecordOfReviewLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(letter.Title, bold: true, size: 32));
            body.Append(Paragraph(letter.Greeting));
            foreach (var (heading, paragraphs) in letter.Sections)
            {
                body.Append(Paragraph(heading, bold: true, size: 28));
                foreach (var text in paragraphs) body.Append(Paragraph(text));
            }

            body.Append(Paragraph(letter.SignOff));
            body.Append(Paragraph(letter.Signature));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
