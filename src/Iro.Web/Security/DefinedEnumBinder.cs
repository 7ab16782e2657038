using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Iro.Web.Security;

/// <summary>
/// Binds enums (and nullable enums) by name only, and only to a defined value: "Bogus", "99" or "0" is a model
/// error, never the enum's default. The framework's own binder accepts any number and falls back to the default
/// on failure, which turned a crafted status into a real one.
/// </summary>
public sealed class DefinedEnumBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.UnderlyingOrModelType;
        return type.IsEnum ? new DefinedEnumBinder(type, context.Metadata.IsReferenceOrNullableType) : null;
    }
}

public sealed class DefinedEnumBinder(Type enumType, bool nullable) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            // A handler's own enum argument (a status button) has no sensible default: missing is refused too.
            if (!nullable && bindingContext.ModelMetadata.MetadataKind == ModelMetadataKind.Parameter) Refuse(bindingContext);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        var text = posted.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text) && nullable)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (TryRead(text, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            Refuse(bindingContext);
        }

        return Task.CompletedTask;
    }

    private static void Refuse(ModelBindingContext bindingContext)
    {
        var label = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? bindingContext.ModelName;
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"Select one of the options for {label}");
        bindingContext.Result = ModelBindingResult.Failed();
    }

    /// <summary>A defined member's name (any case); numbers and combinations are refused.</summary>
    private bool TryRead(string? text, out object? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text) || !char.IsLetter(text[0]) || text.Contains(',', StringComparison.Ordinal)) return false;
        return Enum.TryParse(enumType, text, ignoreCase: true, out value) && Enum.IsDefined(enumType, value!);
    }
}
