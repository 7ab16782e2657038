using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Iro.Domain.Reviews;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Iro.Web.Features;

/// <summary>
/// GOV.UK Design System form fields with their error states, so each form does not repeat the markup. Field
/// ids equal the posted names, which is what the error summary links to. Problems found by the domain's rules
/// reach the error summary through <see cref="AddProblems"/>, the one way every form reports them.
/// </summary>
public static class GovukForm
{
    private static readonly HtmlEncoder Enc = HtmlEncoder.Default;

    public static IHtmlContent Input(ModelStateDictionary state, string name, string label, string? value, string type = "text", string? hint = null, string widthClass = "")
    {
        ArgumentNullException.ThrowIfNull(state);
        var error = ErrorOf(state, name);
        var html = Group(error);
        html.Append($"<label class=\"govuk-label\" for=\"{name}\">{Enc.Encode(label)}</label>");
        AppendHintAndError(html, name, hint, error);
        html.Append($"<input class=\"govuk-input {widthClass}{(error is null ? "" : " govuk-input--error")}\" id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{Enc.Encode(value ?? "")}\"{Described(name, hint, error)}></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>A textarea; with <paramref name="maxLength"/>, the GOV.UK character count (the server enforces the limit too).</summary>
    public static IHtmlContent TextArea(ModelStateDictionary state, string name, string label, string? value, string? hint = null, int rows = 5, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var error = ErrorOf(state, name);
        var html = Group(error, maxLength);
        html.Append($"<label class=\"govuk-label govuk-label--s\" for=\"{name}\">{Enc.Encode(label)}</label>");
        AppendHintAndError(html, name, hint, error);
        var counted = maxLength is null ? "" : " govuk-js-character-count";
        var described = Described(name, hint, error, maxLength is null ? null : $"{name}-info");
        html.Append($"<textarea class=\"govuk-textarea{counted}{(error is null ? "" : " govuk-textarea--error")}\" id=\"{name}\" name=\"{name}\" rows=\"{rows}\"{described}>{Enc.Encode(value ?? "")}</textarea>");
        if (maxLength is { } max)
            html.Append(CultureInfo.InvariantCulture, $"<div id=\"{name}-info\" class=\"govuk-hint govuk-character-count__message\">You can enter up to {max:N0} characters</div>");
        html.Append("</div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>Radios; the first option's id is the field name so the error summary can link to it.</summary>
    public static IHtmlContent Radios(ModelStateDictionary state, string name, string legend, IEnumerable<(string Value, string Label)> options, string? selected, bool inline = false, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var error = ErrorOf(state, name);
        var html = Group(error);
        html.Append($"<fieldset class=\"govuk-fieldset\"{Described(name, hint, error)}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Enc.Encode(legend)}</legend>");
        AppendHintAndError(html, name, hint, error);
        html.Append($"<div class=\"govuk-radios{(inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">");
        var i = 0;
        foreach (var (value, label) in options)
        {
            var id = i++ == 0 ? name : $"{name}-{i}";
            var check = value == selected ? " checked" : "";
            html.Append($"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{name}\" type=\"radio\" value=\"{Enc.Encode(value)}\"{check}><label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{Enc.Encode(label)}</label></div>");
        }

        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent YesNo(ModelStateDictionary state, string name, string legend, bool? value) =>
        Radios(state, name, legend, [("true", "Yes"), ("false", "No")], value switch { true => "true", false => "false", null => null }, inline: true);

    /// <summary>Checkboxes, each bound to its own boolean field.</summary>
    public static IHtmlContent Checkboxes(string legend, IEnumerable<(string Name, string Label, bool Checked)> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var html = new StringBuilder("<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\">");
        html.Append($"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Enc.Encode(legend)}</legend><div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">");
        foreach (var (name, label, isChecked) in boxes)
            html.Append($"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{name}\" name=\"{name}\" type=\"checkbox\" value=\"true\"{(isChecked ? " checked" : "")}><label class=\"govuk-label govuk-checkboxes__label\" for=\"{name}\">{Enc.Encode(label)}</label></div>");
        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Select(ModelStateDictionary state, string name, string label, IEnumerable<(string Value, string Label)> options, string? selected)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var error = ErrorOf(state, name);
        var html = Group(error);
        html.Append($"<label class=\"govuk-label\" for=\"{name}\">{Enc.Encode(label)}</label>");
        AppendHintAndError(html, name, null, error);
        html.Append($"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{name}\" name=\"{name}\"{Described(name, null, error)}>");
        foreach (var (value, text) in options)
            html.Append($"<option value=\"{Enc.Encode(value)}\"{(value == selected ? " selected" : "")}>{Enc.Encode(text)}</option>");
        html.Append("</select></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// Shows the rules' problems against their fields (an empty field is the form as a whole). A field that already
    /// has an error keeps only that one: a date that could not be read is reported as such, not also as missing.
    /// Returns whether the form is valid.
    /// </summary>
    public static bool AddProblems(ModelStateDictionary state, IEnumerable<ReviewProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(problems);
        var unreadable = state.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, message) in problems)
            if (!unreadable.Contains(field)) state.AddModelError(field, message);
        return state.IsValid;
    }

    private static string? ErrorOf(ModelStateDictionary state, string name) => state[name]?.Errors.FirstOrDefault()?.ErrorMessage;

    private static StringBuilder Group(string? error, int? maxLength = null) => new(maxLength is { } max
        ? string.Create(CultureInfo.InvariantCulture, $"<div class=\"govuk-form-group govuk-character-count{(error is null ? "" : " govuk-form-group--error")}\" data-module=\"govuk-character-count\" data-maxlength=\"{max}\">")
        : $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");

    private static void AppendHintAndError(StringBuilder html, string name, string? hint, string? error)
    {
        if (hint is not null) html.Append($"<div id=\"{name}-hint\" class=\"govuk-hint\">{Enc.Encode(hint)}</div>");
        if (error is not null) html.Append($"<p id=\"{name}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Enc.Encode(error)}</p>");
    }

    private static string Described(string name, string? hint, string? error, string? info = null)
    {
        var ids = new List<string>();
        if (info is not null) ids.Add(info);
        if (hint is not null) ids.Add($"{name}-hint");
        if (error is not null) ids.Add($"{name}-error");
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }
}
