namespace Iro.Web.Features.Governance;

/// <summary>The <c>Retention</c> settings: how many years after birth a child's records are kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    public int Years { get; set; } = Iro.Domain.Children.Retention.DefaultYears;
}
