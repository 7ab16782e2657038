using Iro.Domain.Calendar;
using Iro.Web.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Iro.Web.Security;

/// <summary>
/// A <see cref="DateOnly"/> bound directly (a query or form value rather than the GOV.UK date boxes) has the same
/// range as <see cref="DateInput"/>: from 1 January 1900 to ten years after the service's today.
/// </summary>
public sealed class SaneDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(DateOnly)
            ? new SaneDateBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }
}

public sealed class SaneDateBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is not { IsModelSet: true, Model: DateOnly date }) return;
        var latest = bindingContext.HttpContext.RequestServices.GetRequiredService<TimeProvider>().ServiceToday().AddYears(DateInput.MaxYearsAhead);
        if (date >= DateInput.Earliest && date <= latest) return;
        var label = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? bindingContext.ModelName;
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{label} must be between 1 January 1900 and {DateInput.MaxYearsAhead} years from today");
        bindingContext.Result = ModelBindingResult.Failed();
    }
}
