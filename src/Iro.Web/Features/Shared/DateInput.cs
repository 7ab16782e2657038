using System.Globalization;
using Iro.Domain.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Iro.Web.Features;

/// <summary>
/// A GOV.UK date input (day, month and year boxes) as typed, posted as <c>Name.Day</c>, <c>Name.Month</c>
/// and <c>Name.Year</c>. The parts stay text, so whatever is typed comes back to the form as it was and the
/// only messages are the app's own (the framework never adds "The value … is not valid").
/// </summary>
[ModelBinder(typeof(DateInputBinder))]
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    /// <summary>No date in the service's records is earlier: anything before is a typing mistake or a crafted request.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>How far ahead a date may be: reviews and deadlines are planned months, not decades, ahead.</summary>
    public const int MaxYearsAhead = 10;

    /// <summary>The upper bound when the date was not posted through the binder (which knows today).</summary>
    private static readonly DateOnly LatestEver = new(2200, 12, 31);

    /// <summary>
    /// The latest date accepted: <see cref="MaxYearsAhead"/> years after the service's today, set by the binder
    /// (never by the request).
    /// </summary>
    public DateOnly? Latest { get; internal init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = Text(d.Day), Month = Text(d.Month), Year = Text(d.Year) }
        : new DateInput();

    /// <summary>
    /// The date, or null when it is empty or not a real date. Adds the GOV.UK error message to
    /// <paramref name="state"/> under <paramref name="field"/>: <paramref name="missing"/> when required and
    /// empty, otherwise "<paramref name="label"/> must include a month", "… must be a real date" or, outside
    /// <see cref="Earliest"/> to <see cref="Latest"/>, "… must be the same as or after/before …".
    /// </summary>
    public DateOnly? Read(ModelStateDictionary state, string field, string label, string? missing = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (IsEmpty)
        {
            if (missing is not null) state.AddModelError(field, missing);
            return null;
        }

        var lacking = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (lacking.Count > 0)
        {
            state.AddModelError(field, $"{label} must include a {string.Join(" and ", lacking)}");
            return null;
        }

        if (Number(Day) is { } day && Number(Month) is { } month && Number(Year) is { } year
            && year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            var date = new DateOnly(year, month, day);
            if (date < Earliest)
            {
                state.AddModelError(field, $"{label} must be the same as or after {Words(Earliest)}");
                return null;
            }

            if (date > (Latest ?? LatestEver))
            {
                state.AddModelError(field, $"{label} must be the same as or before {Words(Latest ?? LatestEver)}");
                return null;
            }

            return date;
        }

        state.AddModelError(field, $"{label} must be a real date");
        return null;
    }

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Words(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Binds the three boxes of a <see cref="DateInput"/> as text, with the latest date it may be; never adds a model
/// error itself.
/// </summary>
public sealed class DateInputBinder : IModelBinder
{
    private const int MaxPartLength = 10;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = string.IsNullOrEmpty(bindingContext.ModelName) ? bindingContext.FieldName : bindingContext.ModelName;
        string? Part(string part)
        {
            var value = bindingContext.ValueProvider.GetValue($"{name}.{part}").FirstValue;
            return value is { Length: > MaxPartLength } ? value[..MaxPartLength] : value;
        }

        var today = bindingContext.HttpContext.RequestServices.GetRequiredService<TimeProvider>().ServiceToday();
        bindingContext.Result = ModelBindingResult.Success(new DateInput
        {
            Day = Part("Day"), Month = Part("Month"), Year = Part("Year"), Latest = today.AddYears(DateInput.MaxYearsAhead),
        });
        return Task.CompletedTask;
    }
}

/// <summary>What the <c>_DateInput</c> partial renders: the field name (the day box's id), its legend and hint.</summary>
public sealed record DateInputField(string Name, string Legend, DateInput? Value, string? Hint = "For example, 27 3 2026");
