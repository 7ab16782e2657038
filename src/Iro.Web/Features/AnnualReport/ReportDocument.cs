using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Iro.Web.Features.Reviews;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The report as a Word document on A4: a title, numbered Heading 1 sections, the narrative and each table with its
/// caption and definition, and page numbers in the footer.
/// </summary>
public static class ReportDocument
{
    /// <summary>Label, this year, last year, change, share: in twentieths of a point across an A4 text width.</summary>
    private static readonly int[] ColumnWidths = [3400, 1200, 1200, 1000, 2200];

    public static byte[] Build(string title, IReadOnlyList<ReportSection> sections, string year, string previousYear)
    {
        ArgumentNullException.ThrowIfNull(sections);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = LetterDocument.SharedStyles();
            styles.Styles.Save();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField { Instruction = " PAGE " }));
            footer.Footer.Save();

            var body = new Body(LetterDocument.Paragraph(title, LetterDocument.TitleStyle));
            var tableNumber = 0;
            foreach (var section in sections)
            {
                body.Append(LetterDocument.Paragraph($"{section.Number}. {section.Title}", LetterDocument.HeadingStyle));
                foreach (var paragraph in section.Paragraphs) body.Append(LetterDocument.Paragraph(paragraph));
                foreach (var table in section.Tables)
                {
                    tableNumber++;
                    if (table.Chart is { } chart) body.Append(ReportChartImage.Paragraphs(main, chart, tableNumber));
                    body.Append(LetterDocument.Paragraph($"Table {tableNumber}: {table.Caption}"));
                    body.Append(Table(table, year, previousYear));
                    if (!string.IsNullOrEmpty(table.Definition)) body.Append(LetterDocument.Paragraph(table.Definition));
                }
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = LetterDocument.A4WidthTwips, Height = LetterDocument.A4HeightTwips },
                new PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(ReportTableBlock block, string year, string previousYear)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border),
            new TableGrid([.. ColumnWidths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        table.Append(Row(true, "", year, previousYear, "Change", "Share"));
        foreach (var row in block.Rows)
            table.Append(Row(false, row.Label, ReportNumbers.Format(row.Value), ReportNumbers.Format(row.PreviousValue), ReportNumbers.Change(row.Change), row.Note ?? ""));
        return table;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var text in cells)
        {
            var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            if (header) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }
}
