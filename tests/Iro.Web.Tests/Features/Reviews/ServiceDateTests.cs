using Iro.Web.Features.Reviews;

namespace Iro.Web.Tests.Features.Reviews;

public sealed class ServiceDateTests
{
    [Theory]
    // British Summer Time: 23:30 UTC is already the next day in London.
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")]
    [InlineData("2026-06-30T22:59:00Z", "2026-06-30")]
    // Winter: London is on UTC.
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    public void Today_is_the_service_s_date_in_london_not_the_server_s(string instant, string londonDate) =>
        Assert.Equal(
            DateOnly.Parse(londonDate, System.Globalization.CultureInfo.InvariantCulture),
            ReviewWorkspace.ServiceDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
}
