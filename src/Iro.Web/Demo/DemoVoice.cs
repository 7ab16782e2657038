using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Drift;
using Iro.Domain.Reviews;
using Iro.Domain.Voice;
using Iro.Web.Data;

namespace Iro.Web.Demo;

/// <summary>
/// The demo borough's voice records, in the proportions the Brent report describes: about 18% of children looked
/// after in the last year referred for advocacy (a child in secure accommodation among them), independent visitors
/// (most matched, two waiting, one for over 3 months), missing episodes with return home interviews (most within
/// 72 hours, some not), what was recorded about placement moves, a survey with about 80% saying life is getting
/// better, a few file audits, connected-person approvals (one past 16 weeks), leaving-care dates for most eligible
/// children, and so some drift. It draws from its own random sequence, so the rest of the borough is unchanged.
/// </summary>
internal sealed class DemoVoice(int seed, DateOnly asOf)
{
    private readonly Random _random = new(unchecked((seed * 31337) + 271_828));
    private readonly List<object> _records = [];

    private static readonly string[] Providers = ["Coram Voice", "NYAS", "Barnardo's Advocacy"];
    private static readonly string[] Interviewers = ["Safe Return Team", "Youth worker (Catch22)", "Social worker"];
    private static readonly string[] Visitors = ["Helen Marsh", "Tom Riley", "Grace Adeyemi", "Paul Kendrick", "Nadia Hussain", "Owen Price"];

    private static readonly (AdvocacySource, int)[] SourceMix =
        [(AdvocacySource.Iro, 35), (AdvocacySource.SocialWorker, 25), (AdvocacySource.Child, 15), (AdvocacySource.ReturnHomeInterview, 10), (AdvocacySource.Carer, 10), (AdvocacySource.Other, 5)];

    private static readonly (string, int)[] ReasonMix =
        [("SocialWorkerRelationship", 20), ("PlacementChoice", 25), ("FamilyContact", 25), ("Complaint", 10), ("LeavingCare", 15), ("Other", 5)];

    private static readonly string[] MoveReasons = ["Placement breakdown", "Carer's request", "Move closer to family", "Step down from residential care", "Move to long-term carers"];

    /// <summary>Adds the voice records for the saved borough (its children still tracked) and saves them.</summary>
    public static async Task AddAsync(IroDbContext db, DemoBorough borough, int seed, CancellationToken ct)
    {
        var voice = new DemoVoice(seed, borough.AsOf);
        voice.Generate(borough.Children);
        db.AddRange(voice._records);
        // Leaving-care dates and the secure placement change children already saved.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private void Generate(IReadOnlyList<Child> children)
    {
        var yearAgo = asOf.AddYears(-1);
        var lookedAfter = children.Where(c => CurrentEpisode(c) is not null).OrderBy(c => c.LocalId, StringComparer.Ordinal).ToList();
        var inLastYear = children.Where(c => c.Episodes.Any(e => !PeriodsOfCare.IsShortBreak(e) && e.Start <= asOf && (e.End is null || e.End > yearAgo)))
            .OrderBy(c => c.LocalId, StringComparer.Ordinal).ToList();

        var secure = SecurePlacement(lookedAfter);
        foreach (var child in inLastYear.Where(c => c == secure || _random.NextDouble() < 0.18))
            Advocacy(child, child == secure);
        IndependentVisitors(lookedAfter);
        foreach (var child in lookedAfter.Where(c => Child.AgeOn(c.DateOfBirth, asOf) >= 11 && _random.NextDouble() < 0.12))
            MissingEpisodes(child);
        foreach (var child in inLastYear) MoveRecords(child);
        Survey(lookedAfter);
        Audits(lookedAfter);
        ConnectedPersons(lookedAfter);
        foreach (var child in lookedAfter) LeavingCare(child);
    }

    private CareEpisode? CurrentEpisode(Child child) =>
        child.Episodes.FirstOrDefault(e => !PeriodsOfCare.IsShortBreak(e) && e.Start <= asOf && (e.End is null || e.End > asOf));

    /// <summary>One teenager moved into a secure children's home (K1) six weeks ago, with an advocate from the day after.</summary>
    private Child? SecurePlacement(List<Child> lookedAfter)
    {
        var child = lookedAfter.FirstOrDefault(c => CurrentEpisode(c)?.Placement == PlacementType.K1)
            ?? lookedAfter.FirstOrDefault(c => Child.AgeOn(c.DateOfBirth, asOf) is >= 13 and <= 16 && CurrentEpisode(c) is { End: null } e && e.Start < asOf.AddDays(-60));
        if (child is null) return null;
        var current = CurrentEpisode(child)!;
        if (current.Placement == PlacementType.K1) return child;
        var moved = asOf.AddDays(-42);
        current.End = moved;
        current.ReasonCeased = ReasonEpisodeCeased.X1;
        current.ReasonPlaceChange = ReasonPlaceChange.OTHER;
        child.Episodes.Add(new CareEpisode
        {
            Child = child, Start = moved, ReasonForNewEpisode = ReasonForNewEpisode.P, LegalStatus = current.LegalStatus,
            CategoryOfNeed = current.CategoryOfNeed, Placement = PlacementType.K1, PlacementProvider = PlacementProvider.PR2, Urn = DemoNames.OtherSettingUrns[0],
            HomePostcode = current.HomePostcode, PlacementPostcode = current.PlacementPostcode,
        });
        return child;
    }

    private void Advocacy(Child child, bool secure)
    {
        var referred = secure ? asOf.AddDays(-41) : asOf.AddDays(-_random.Next(1, 365));
        var started = referred.AddDays(_random.Next(3, 15));
        var closed = !secure && started.AddDays(90) < asOf && _random.NextDouble() < 0.6 ? started.AddDays(_random.Next(30, 120)) : (DateOnly?)null;
        var reasons = secure ? "SecureAccommodation" : string.Join(';', new[] { PickWeighted(ReasonMix), PickWeighted(ReasonMix) }.Distinct());
        _records.Add(new AdvocacyReferral
        {
            Child = child, ReferredOn = referred, Source = secure ? AdvocacySource.Iro : PickWeighted(SourceMix), ReasonKeys = reasons,
            Provider = Providers[_random.Next(Providers.Length)], StartedOn = started <= asOf ? started : null,
            ClosedOn = closed is { } c && c <= asOf ? c : null, Hours = Math.Round((decimal)(_random.NextDouble() * 20) + 2, 1),
            CreatedByName = "Demo", CreatedAt = DemoTime(referred),
        });
    }

    /// <summary>About 13 children with a visitor, two waiting: one for over 3 months (drift), one for a month.</summary>
    private void IndependentVisitors(List<Child> lookedAfter)
    {
        var candidates = lookedAfter.Where(c => Child.AgeOn(c.DateOfBirth, asOf) >= 8).ToList();
        for (var i = 0; i < Math.Min(15, candidates.Count); i++)
        {
            var child = candidates[_random.Next(candidates.Count)];
            if (_records.OfType<IndependentVisitor>().Any(v => v.Child == child)) continue;
            var waiting = _records.OfType<IndependentVisitor>().Count(v => v.MatchedOn is null);
            var needed = waiting switch
            {
                0 => asOf.AddDays(-130),
                1 => asOf.AddDays(-30),
                _ => asOf.AddDays(-_random.Next(150, 900)),
            };
            var matched = waiting < 2 ? (DateOnly?)null : needed.AddDays(_random.Next(30, 100));
            _records.Add(new IndependentVisitor
            {
                Child = child, NeededOn = needed, MatchedOn = matched, VisitorName = matched is null ? null : Visitors[_random.Next(Visitors.Length)],
                CreatedByName = "Demo", CreatedAt = DemoTime(needed),
            });
        }
    }

    /// <summary>1 to 4 episodes in the last year; interviews mostly within 72 hours, some declined, some late or not done.</summary>
    private void MissingEpisodes(Child child)
    {
        var count = _random.Next(1, 5);
        // Within the current period of care and the last year.
        var inCareFor = asOf.DayNumber - PeriodsOfCare.From(child.Episodes).Last(p => !p.IsShortBreakSeries && p.Covers(asOf)).Start.DayNumber;
        if (inCareFor < 10) return;
        for (var i = 0; i < count; i++)
        {
            var start = asOf.AddDays(-_random.Next(5, Math.Min(365, inCareFor)));
            var end = start.AddDays(_random.Next(0, 3));
            var back = new TimeOnly(_random.Next(0, 24), _random.Next(0, 4) * 15);
            var episode = new MissingEpisode
            {
                ChildId = 0, Child = child, Type = _random.NextDouble() < 0.8 ? MissingType.M : MissingType.A, Start = start, End = end,
                ReturnTime = back, EnteredByHand = true, IroInformed = _random.NextDouble() < 0.7,
            };
            var roll = _random.NextDouble();
            var offered = end.ToDateTime(back).AddHours(_random.Next(4, 48));
            if (roll < 0.78)
            {
                var done = offered.AddHours(_random.Next(0, 20));
                (episode.InterviewOfferedOn, episode.InterviewOfferedTime) = (DateOnly.FromDateTime(offered), TimeOnly.FromDateTime(offered));
                (episode.InterviewCompletedOn, episode.InterviewCompletedTime) = (DateOnly.FromDateTime(done), TimeOnly.FromDateTime(done));
                episode.InterviewBy = Interviewers[_random.Next(Interviewers.Length)];
            }
            else if (roll < 0.86)
            {
                (episode.InterviewOfferedOn, episode.InterviewOfferedTime) = (DateOnly.FromDateTime(offered), TimeOnly.FromDateTime(offered));
                episode.InterviewDeclined = true;
            }
            else if (roll < 0.93)
            {
                var late = end.AddDays(_random.Next(4, 10));
                (episode.InterviewOfferedOn, episode.InterviewCompletedOn) = (late, late);
                episode.InterviewBy = Interviewers[_random.Next(Interviewers.Length)];
            }

            // The rest: no interview recorded, which the drift list shows.
            if (episode.InterviewCompletedOn > asOf || episode.InterviewOfferedOn > asOf) continue;
            _records.Add(episode);
        }
    }

    private void MoveRecords(Child child)
    {
        foreach (var moved in PlacementMoves.MoveDates(child.Episodes).Where(d => d > asOf.AddYears(-1) && d <= asOf).Distinct())
        {
            if (_random.NextDouble() < 0.15) continue;
            _records.Add(new PlacementMoveRecord
            {
                Child = child, MovedOn = moved, ConsultedBeforeMove = _random.NextDouble() < 0.75,
                IroTold = _random.NextDouble() switch { < 0.6 => IroToldOfMove.BeforeMove, < 0.9 => IroToldOfMove.AfterMove, _ => IroToldOfMove.NotTold },
                Reason = MoveReasons[_random.Next(MoveReasons.Length)], CreatedByName = "Demo", CreatedAt = DemoTime(moved),
            });
        }
    }

    /// <summary>A survey of the children aged 4 and over, closed a month ago: about 45% replied, about 80% saying yes.</summary>
    private void Survey(List<Child> lookedAfter)
    {
        var asked = lookedAfter.Where(c => Child.AgeOn(c.DateOfBirth, asOf) >= 4).ToList();
        var campaign = new SurveyCampaign
        {
            Name = $"Your life, your care {asOf.Year}", OpensOn = asOf.AddDays(-90), ClosesOn = asOf.AddDays(-30), ChildrenAsked = asked.Count,
            TargetResponseRate = 40, CreatedByName = "Demo", CreatedAt = DemoTime(asOf.AddDays(-90)),
        };
        _records.Add(campaign);
        foreach (var child in asked.Where(_ => _random.NextDouble() < 0.45))
        {
            var age = Child.AgeOn(child.DateOfBirth, asOf);
            campaign.Returns.Add(new FeedbackReturn
            {
                ReceivedOn = asOf.AddDays(-_random.Next(30, 90)), Child = _random.NextDouble() < 0.5 ? child : null,
                AgeGroup = age < 8 ? FeedbackAgeGroup.Under8 : age < 11 ? FeedbackAgeGroup.From8To11 : FeedbackAgeGroup.From11To18,
                LifeGettingBetter = Answer(0.80, 0.12), KnowsIro = Answer(0.85, 0.05), CanContactIro = Answer(0.75, 0.15), FeelsListenedTo = Answer(0.8, 0.1),
                CreatedByName = "Demo", CreatedAt = DemoTime(asOf.AddDays(-30)),
            });
        }
    }

    private FeedbackAnswer Answer(double yes, double notSure) => _random.NextDouble() switch
    {
        var r when r < yes => FeedbackAnswer.Yes,
        var r when r < yes + notSure => FeedbackAnswer.NotSure,
        _ => FeedbackAnswer.No,
    };

    /// <summary>Ten files audited from reviews of the last six months: the child always seen alone, the rest mostly yes.</summary>
    private void Audits(List<Child> lookedAfter)
    {
        var reviews = lookedAfter.SelectMany(c => c.Reviews.Where(r => r.HeldOn > asOf.AddMonths(-6) && r.HeldOn < asOf.AddDays(-14)).Select(r => (Child: c, Review: r)))
            .OrderBy(x => x.Review.HeldOn).ThenBy(x => x.Child.LocalId, StringComparer.Ordinal).ToList();
        foreach (var (child, review) in reviews.Where((_, i) => i % Math.Max(1, reviews.Count / 10) == 0).Take(10))
        {
            _records.Add(new FileAudit
            {
                Child = child, Review = review, AuditedOn = review.HeldOn.AddDays(14), CreatedByName = "Demo", CreatedAt = DemoTime(review.HeldOn.AddDays(14)),
                Answers = [.. VoiceOptions.DefaultAuditQuestions.Select(q => new FileAuditAnswer { QuestionKey = q.Key, Answer = q.Key == "SeenAlone" || _random.NextDouble() < 0.8 })],
            });
        }
    }

    /// <summary>Children with relatives or friends: one approval past 16 weeks (drift), one recent, one fully approved.</summary>
    private void ConnectedPersons(List<Child> lookedAfter)
    {
        var kin = lookedAfter.Where(c => CurrentEpisode(c)?.Placement is PlacementType.U1 or PlacementType.U2 or PlacementType.U3).Take(3).ToList();
        int[] daysAgo = [150, 60, 200];
        for (var i = 0; i < kin.Count; i++)
        {
            var approved = asOf.AddDays(-daysAgo[i]);
            _records.Add(new ConnectedPersonApproval
            {
                Child = kin[i], ApprovedOn = approved, EndedOn = i == 2 ? approved.AddDays(100) : null, CarerName = $"{kin[i].LastName} family",
                CreatedByName = "Demo", CreatedAt = DemoTime(approved),
            });
        }
    }

    /// <summary>Most eligible children have their needs assessment and pathway plan within 3 months of 16; about one in eight not yet.</summary>
    private void LeavingCare(Child child)
    {
        var sixteen = child.DateOfBirth.AddYears(16);
        if (sixteen > asOf || DriftRules.EligibleOn(child.Episodes, child.DateOfBirth, asOf) is not { } eligible || _random.NextDouble() < 0.12) return;
        var from = eligible > sixteen ? eligible : sixteen;
        var assessed = from.AddDays(_random.Next(10, 60));
        var plan = assessed.AddDays(_random.Next(5, 30));
        if (assessed <= asOf) child.NeedsAssessmentOn = assessed;
        if (plan <= asOf) child.PathwayPlanOn = plan;
    }

    private static DateTimeOffset DemoTime(DateOnly on) => new(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private T PickWeighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var roll = _random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (roll < weight) return item;
            roll -= weight;
        }

        return items[^1].Item;
    }
}
