using Iro.Web.Features.Reviews;

namespace Iro.Web.Features.MyIro;

/// <summary>"My IRO" letters as one Word document, a page per letter, with the service's letter styles.</summary>
public static class MyIroDocument
{
    public static byte[] Build(IEnumerable<MyIroLetter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var paragraphs = new List<LetterParagraph>();
        foreach (var letter in letters)
        {
            paragraphs.Add(new(letter.Title, LetterDocument.TitleStyle, PageBreakBefore: paragraphs.Count > 0));
            paragraphs.Add(new(letter.Greeting));
            foreach (var (heading, texts) in letter.Sections)
            {
                paragraphs.Add(new(heading, LetterDocument.HeadingStyle));
                paragraphs.AddRange(texts.Select(text => new LetterParagraph(text)));
            }

            paragraphs.Add(new(letter.SignOff));
            paragraphs.Add(new(letter.Signature));
            paragraphs.AddRange(letter.Contact.Select(line => new LetterParagraph(line)));
        }

        if (paragraphs.Count == 0) paragraphs.Add(new("No letters."));
        return LetterDocument.Write(paragraphs);
    }
}
