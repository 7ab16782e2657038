using System.Buffers.Binary;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// A <see cref="ReportChart"/> as a PNG picture for the Word report: the same bars, grid and reference lines as the
/// page's SVG, drawn pixel by pixel (no drawing library is needed for rectangles). The picture carries the chart's
/// text alternative as its description, and the table after it gives the figures.
/// </summary>
public static class ReportChartImage
{
    public const int Width = 640, Height = 280;
    private const int Left = 48, Top = 12, PlotHeight = 200, Right = 10;
    private const long WidthEmu = 5486400, HeightEmu = WidthEmu * Height / Width;

    private static readonly (byte R, byte G, byte B) White = (255, 255, 255), Grid = (0xb1, 0xb4, 0xb6), Bar = (0x1d, 0x70, 0xb8), Line = (0xd4, 0x35, 0x1c);

    /// <summary>Paragraphs holding the chart as an inline picture, with its title as a caption after it.</summary>
    public static Paragraph[] Paragraphs(MainDocumentPart main, ReportChart chart, int number)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(chart);
        var part = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(Png(chart))) part.FeedData(png);
        var id = (uint)number;
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart-{number}.png" }, new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = WidthEmu, Cy = HeightEmu }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = WidthEmu, Cy = HeightEmu },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"Chart {number}", Description = chart.TextAlternative },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return [new Paragraph(new Run(new Drawing(inline))), Reviews.LetterDocument.Paragraph($"Chart {number}: {chart.Title}")];
    }

    /// <summary>The chart as PNG bytes (8-bit RGB).</summary>
    public static byte[] Png(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var pixels = new byte[Height, Width * 3];
        Fill(pixels, 0, 0, Width, Height, White);
        var max = chart.AxisMax;
        int Y(decimal value) => Top + PlotHeight - (int)Math.Round(value / max * PlotHeight);
        for (var tick = 0; tick <= 4; tick++) Fill(pixels, Left, Y(max * tick / 4), Width - Right, Y(max * tick / 4) + 1, Grid);
        var slot = (Width - Left - Right) / (double)Math.Max(chart.Bars.Count, 1);
        var barWidth = Math.Max(slot * 0.7, 1);
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            if (chart.Bars[i].Value is not { } value) continue;
            var x = (int)(Left + i * slot + (slot - barWidth) / 2);
            Fill(pixels, x, Y(value), x + (int)barWidth, Top + PlotHeight, Bar);
        }

        foreach (var line in chart.Lines)
        {
            for (var x = Left; x < Width - Right; x += 10) Fill(pixels, x, Y(line.Value) - 1, Math.Min(x + 6, Width - Right), Y(line.Value) + 1, Line);
        }

        return Encode(pixels);
    }

    private static void Fill(byte[,] pixels, int x1, int y1, int x2, int y2, (byte R, byte G, byte B) colour)
    {
        for (var y = Math.Max(y1, 0); y < Math.Min(y2, Height); y++)
        {
            for (var x = Math.Max(x1, 0); x < Math.Min(x2, Width); x++)
            {
                pixels[y, x * 3] = colour.R;
                pixels[y, (x * 3) + 1] = colour.G;
                pixels[y, (x * 3) + 2] = colour.B;
            }
        }
    }

    private static byte[] Encode(byte[,] pixels)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[(Width * 3) + 1];
            for (var y = 0; y < Height; y++)
            {
                row[0] = 0; // filter: none
                for (var x = 0; x < Width * 3; x++) row[x + 1] = pixels[y, x];
                zlib.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    })];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }
}
