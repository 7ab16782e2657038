using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Iro.Web.Features;

/// <summary>
/// Puts every table in a focusable, labelled region that scrolls sideways, so a wide table never makes the
/// page wider than a phone's screen. The region is named after the table's caption for screen readers.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class ScrollableTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = CaptionPattern().Match(content);
        var label = caption.Success
            ? WhitespacePattern().Replace(WebUtility.HtmlDecode(MarkupPattern().Replace(caption.Groups[1].Value, " ")), " ").Trim()
            : "";
        if (label.Length == 0) label = "Table";
        output.PreElement.SetHtmlContent(
            $"<div class=\"app-table-scroll\" role=\"region\" aria-label=\"{HtmlEncoder.Default.Encode(label)}\" tabindex=\"0\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CaptionPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
