using System.Text.Json;
using Iro.Web.Cli;
using Iro.Web.Features.Timetable;

namespace Iro.Web.Tests.Cli;

/// <summary>The streamed JSON array is byte for byte what serialising the whole list at once writes.</summary>
public sealed class JsonArrayOutputTests
{
    private sealed record Item(string Name, DateOnly? Date, IReadOnlyList<int> Numbers, Item? Inner);

    private static List<Item> Items(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new Item(
            i % 3 == 0 ? $"Zoë \"{i}\" <&>" : $"child {i}", i % 2 == 0 ? new DateOnly(2026, 3, 31).AddDays(-i) : null, [.. Enumerable.Range(0, i % 4)],
            i % 5 == 0 ? new Item("inner", null, [], null) : null)),
    ];

    [Theory]
    [InlineData(0, JsonArrayOutput.DefaultChunkBytes)]
    [InlineData(1, JsonArrayOutput.DefaultChunkBytes)]
    [InlineData(40, JsonArrayOutput.DefaultChunkBytes)]
    [InlineData(40, 64)]
    [InlineData(40, 1)]
    public async Task The_array_is_written_as_the_serialiser_writes_the_whole_list(int count, int chunkBytes)
    {
        var items = Items(count);
        var expected = new StringWriter();
        await expected.WriteLineAsync(JsonSerializer.Serialize(items, TimetableJson.SerializerOptions));

        var output = new StringWriter();
        await JsonArrayOutput.WriteLineAsync(output, items, TimetableJson.SerializerOptions, CancellationToken.None, chunkBytes);

        Assert.Equal(expected.ToString(), output.ToString());
    }

    [Fact]
    public async Task Compact_options_give_the_compact_form()
    {
        var items = Items(7);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var output = new StringWriter();
        await JsonArrayOutput.WriteLineAsync(output, items, options, CancellationToken.None, 16);

        Assert.Equal(JsonSerializer.Serialize(items, options) + output.NewLine, output.ToString());
    }
}
