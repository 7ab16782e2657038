namespace Iro.Domain;

/// <summary>A configured choice: a stable key and the label shown.</summary>
public sealed class KeyedLabel
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
}
