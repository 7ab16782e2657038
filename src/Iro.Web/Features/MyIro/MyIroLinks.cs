namespace Iro.Web.Features.MyIro;

/// <summary>Addresses of the "My IRO" pages.</summary>
public static class MyIroLinks
{
    public const string NewAllocations = "/my-iro/new-allocations";

    public static string Letter(string childId) => ChildLinks.Record(childId) + "/my-iro";

    public static string LetterDocx(string childId) => Letter(childId) + "?handler=Docx";
}
