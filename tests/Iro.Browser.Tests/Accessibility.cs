using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public static class Accessibility
{
    /// <summary>Runs axe on the page and fails on any serious or critical violation, listing them.</summary>
    /// <param name="page">The page.</param>
    /// <param name="endOfPage">What ends the page: the app's footer, or another element on a page outside the app's layout.</param>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string endOfPage = "footer.govuk-footer")
    {
        // The footer ends every page, so the whole document is there before axe looks at it.
        await page.Locator(endOfPage).WaitForAsync();
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
