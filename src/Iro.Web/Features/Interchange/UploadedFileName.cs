namespace Iro.Web.Features.Interchange;

/// <summary>
/// Checks the name a browser sent with an uploaded file. The name is only ever shown (findings quote it); the
/// file is stored under a name of the service's own. Names a person could not have meant are refused.
/// </summary>
public static class UploadedFileName
{
    /// <summary>The longest file name common file systems allow.</summary>
    public const int MaxLength = 255;

    /// <summary>Why the name is refused, or null when it is fine.</summary>
    public static string? Problem(string? name, int position)
    {
        var which = $"The name of file {position}";
        if (string.IsNullOrWhiteSpace(name)) return $"{which} is blank: select the file again";
        if (name.Length > MaxLength) return $"{which} is longer than {MaxLength} characters: rename the file and select it again";
        if (name.Any(char.IsControl)) return $"{which} contains characters that cannot be typed: rename the file and select it again";
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return $"{which} must not contain slashes or two dots in a row: rename the file and select it again";
        }

        return null;
    }
}
