using System.Text.Json.Nodes;

namespace Iro.Web.Features.AnnualReport;

/// <summary>The figures that differ between a year as published and as the data now gives it, by JSON path.</summary>
public static class Restatements
{
    public static IEnumerable<(string Path, JsonNode? Published, JsonNode? Now)> Between(JsonNode? published, JsonNode? now, string path = "")
    {
        switch (published, now)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                    foreach (var difference in Between(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}"))
                        yield return difference;
                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                    foreach (var difference in Between(a[i], b[i], $"{path}[{i}]"))
                        yield return difference;
                break;
            default:
                if (!JsonNode.DeepEquals(published, now)) yield return (path, published, now);
                break;
        }
    }
}
