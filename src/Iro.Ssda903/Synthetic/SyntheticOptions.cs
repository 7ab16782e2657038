namespace Iro.Ssda903.Synthetic;

/// <summary>Tuning of the synthetic generator.</summary>
public sealed record SyntheticOptions
{
    /// <summary>Statutory cadence only: about 2 episodes and 2 reviews per child.</summary>
    public static SyntheticOptions Default { get; } = new();

    /// <summary>
    /// Volumes of the national-scale benchmark: about 2.1 episodes and 3.3 reviews per child
    /// (120,000 children give about 250,000 episodes and 400,000 reviews), with extra reviews brought forward.
    /// </summary>
    public static SyntheticOptions NationalBenchmark { get; } = new() { AdditionalReviewRate = 0.85, MeanDaysBetweenChanges = 250 };

    /// <summary>Probability, per planned review, of an additional review held between it and the next.</summary>
    public double AdditionalReviewRate { get; init; }

    /// <summary>Mean days between placement or legal status changes within a period of care.</summary>
    public double MeanDaysBetweenChanges { get; init; } = 300;
}
