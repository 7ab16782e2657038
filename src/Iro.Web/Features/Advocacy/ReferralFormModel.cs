using System.Globalization;
using Iro.Domain.Voice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Advocacy;

/// <summary>The fields of the advocacy referral form, shared by adding and editing a referral.</summary>
public abstract class ReferralFormModel(AdvocacyWorkspace workspace) : PageModel
{
    protected AdvocacyWorkspace Workspace => workspace;
    public Domain.Children.Child Child { get; protected set; } = null!;
    public VoiceOptions Options => workspace.Options;

    [BindProperty] public DateInput ReferredOn { get; set; } = new();
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public List<string> Reasons { get; set; } = [];
    [BindProperty] public string? Provider { get; set; }
    [BindProperty] public DateInput StartedOn { get; set; } = new();
    [BindProperty] public DateInput ClosedOn { get; set; } = new();
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public string? Outcome { get; set; }

    /// <summary>The review the referral is made from, when it is.</summary>
    [BindProperty] public int? ReviewId { get; set; }

    public static IEnumerable<(string Value, string Label)> Sources =>
        Enum.GetValues<AdvocacySource>().Select(s => (s.ToString(), AdvocacyLabels.Source(s)));

    protected void Fill(AdvocacyReferral referral)
    {
        ReferredOn = DateInput.From(referral.ReferredOn);
        Source = referral.Source.ToString();
        Reasons = [.. referral.Reasons];
        Provider = referral.Provider;
        StartedOn = DateInput.From(referral.StartedOn);
        ClosedOn = DateInput.From(referral.ClosedOn);
        Hours = referral.Hours?.ToString(CultureInfo.InvariantCulture);
        Outcome = referral.Outcome;
        ReviewId = referral.ReviewId;
    }

    /// <summary>Reads and checks the form; the input when valid (errors are in the model state otherwise).</summary>
    protected AdvocacyReferralInput? Read()
    {
        var referredOn = ReferredOn.Read(ModelState, nameof(ReferredOn), "Date referred");
        var startedOn = StartedOn.Read(ModelState, nameof(StartedOn), "Date advocacy started");
        var closedOn = ClosedOn.Read(ModelState, nameof(ClosedOn), "Date closed");
        AdvocacySource? source = Enum.GetValues<AdvocacySource>().Cast<AdvocacySource?>().FirstOrDefault(s => s.ToString() == Source);
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(Hours))
        {
            if (decimal.TryParse(Hours.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)) hours = parsed;
            else ModelState.AddModelError(nameof(Hours), "Hours must be a number such as 2.5, with at most two decimal places");
        }

        var input = new AdvocacyReferralInput(referredOn, source, Reasons, Blank(Provider), startedOn, closedOn, hours, Blank(Outcome));
        return GovukForm.AddProblems(ModelState, VoiceFormRules.ReferralProblems(input, Options, workspace.Today)) ? input : null;
    }

    protected void Apply(AdvocacyReferral referral, AdvocacyReferralInput input)
    {
        referral.ReferredOn = input.ReferredOn!.Value;
        referral.Source = input.Source!.Value;
        referral.ReasonKeys = string.Join(';', input.Reasons.Select(r => Options.AdvocacyReason(r)!.Key).Distinct());
        referral.Provider = input.Provider;
        referral.StartedOn = input.StartedOn;
        referral.ClosedOn = input.ClosedOn;
        referral.Hours = input.Hours;
        referral.Outcome = input.Outcome;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
