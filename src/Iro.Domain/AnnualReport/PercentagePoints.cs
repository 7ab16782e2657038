using System.Globalization;

namespace Iro.Domain.AnnualReport;

/// <summary>Changes between two percentages are written in percentage points, "pp", never as a percentage.</summary>
public static class PercentagePoints
{
    /// <summary>"up 2.3pp", "down 0.5pp" or "no change", from percentages already rounded to one decimal place.</summary>
    public static string Describe(decimal current, decimal previous)
    {
        var change = current - previous;
        var size = Math.Abs(change).ToString("0.0", CultureInfo.InvariantCulture);
        return change switch { > 0 => $"up {size}pp", < 0 => $"down {size}pp", _ => "no change" };
    }
}
