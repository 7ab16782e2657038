namespace Iro.Domain.Codes;

/// <summary>DfE meanings of the 903 codes, for display (ssda903.md section 4).</summary>
public static class CodeDescriptions
{
    public static string Describe(LegalStatus code) => code switch
    {
        LegalStatus.C1 => "Interim care order",
        LegalStatus.C2 => "Full care order",
        LegalStatus.D1 => "Freeing order granted",
        LegalStatus.E1 => "Placement order granted",
        LegalStatus.V2 => "Single period of accommodation under section 20",
        LegalStatus.V3 => "Series of short-term breaks (individual episodes)",
        LegalStatus.V4 => "Series of short-term breaks (agreements)",
        LegalStatus.L1 => "Under police protection and in local authority accommodation",
        LegalStatus.L2 => "Emergency protection order",
        LegalStatus.L3 => "Child assessment order",
        LegalStatus.J1 => "Remanded to local authority or youth detention accommodation",
        LegalStatus.J2 => "Placed in local authority accommodation under PACE",
        LegalStatus.J3 => "Youth rehabilitation order with residence or intensive fostering requirement",
        _ => code.ToString(),
    };

    public static string Describe(PlacementType code) => code switch
    {
        PlacementType.A3 => "Placed for adoption with consent, with current foster carer",
        PlacementType.A4 => "Placed for adoption with consent, not with current foster carer",
        PlacementType.A5 => "Placed for adoption with placement order, with current foster carer",
        PlacementType.A6 => "Placed for adoption with placement order, not with current foster carer",
        PlacementType.H5 => "Semi-independent living",
        PlacementType.K1 => "Secure children's home",
        PlacementType.K2 => "Children's home",
        PlacementType.K3 => "Registered supported accommodation",
        PlacementType.P1 => "Placed with own parent(s) or person with parental responsibility",
        PlacementType.P2 => "Independent living",
        PlacementType.P3 => "Residential employment",
        PlacementType.R1 => "Residential care home",
        PlacementType.R2 => "NHS or health trust establishment",
        PlacementType.R3 => "Family centre or mother and baby unit",
        PlacementType.R5 => "Young offender institution",
        PlacementType.S1 => "Residential school",
        PlacementType.T0 => "Temporary move",
        PlacementType.T1 => "Temporary period in hospital",
        PlacementType.T2 => "Temporary absence on holiday",
        PlacementType.T3 => "Temporary accommodation while foster carer on holiday",
        PlacementType.T4 => "Temporary accommodation of seven days or less",
        PlacementType.U1 => "Foster placement with relative or friend: long-term",
        PlacementType.U2 => "Foster placement with relative or friend who is an approved adopter",
        PlacementType.U3 => "Foster placement with relative or friend",
        PlacementType.U4 => "Foster placement with other foster carer: long-term",
        PlacementType.U5 => "Foster placement with other foster carer who is an approved adopter",
        PlacementType.U6 => "Foster placement with other foster carer",
        PlacementType.Z1 => "Other placement",
        _ => "Other placement (" + code + ")",
    };

    public static string Describe(ReasonForNewEpisode code) => code switch
    {
        ReasonForNewEpisode.S => "Started to be looked after",
        ReasonForNewEpisode.L => "Change of legal status only",
        ReasonForNewEpisode.P => "Change of placement and carer",
        ReasonForNewEpisode.T => "Change of placement, same carer",
        ReasonForNewEpisode.B => "Change of legal status and placement",
        ReasonForNewEpisode.U => "Change of legal status and placement, same carer",
        _ => code.ToString(),
    };

    public static string Describe(ReasonEpisodeCeased code) => code switch
    {
        ReasonEpisodeCeased.X1 => "Episode ceased, new episode began the same day",
        ReasonEpisodeCeased.E11 => "Adopted: application unopposed",
        ReasonEpisodeCeased.E12 => "Adopted: consent dispensed with",
        ReasonEpisodeCeased.E2 => "Died",
        ReasonEpisodeCeased.E3 => "Care taken over by another local authority",
        ReasonEpisodeCeased.E4A => "Returned home as part of the care plan",
        ReasonEpisodeCeased.E4B => "Returned home, not as part of the care plan",
        ReasonEpisodeCeased.E13 => "Left care to live with parents or relatives without parental responsibility",
        ReasonEpisodeCeased.E41 => "Residence or child arrangements order",
        ReasonEpisodeCeased.E45 => "Special guardianship order: former foster carer, relative or friend",
        ReasonEpisodeCeased.E46 => "Special guardianship order: former foster carer",
        ReasonEpisodeCeased.E47 => "Special guardianship order: relative or friend",
        ReasonEpisodeCeased.E48 => "Special guardianship order: other carer",
        ReasonEpisodeCeased.E5 => "Moved into independent living with support",
        ReasonEpisodeCeased.E6 => "Moved into independent living without support",
        ReasonEpisodeCeased.E7 => "Transferred to adult social care residential care",
        ReasonEpisodeCeased.E8 => "Ceased for another reason",
        ReasonEpisodeCeased.E9 => "Sentenced to custody",
        ReasonEpisodeCeased.E14 => "Accommodation on remand ended",
        ReasonEpisodeCeased.E15 => "Age assessment found the child to be 18 or over",
        ReasonEpisodeCeased.E16 => "Moved abroad",
        ReasonEpisodeCeased.E17 => "Aged 18 or over and stayed with current carers",
        _ => code.ToString(),
    };

    public static string Describe(CategoryOfNeed code) => code switch
    {
        CategoryOfNeed.N1 => "Abuse or neglect",
        CategoryOfNeed.N2 => "Child's disability",
        CategoryOfNeed.N3 => "Parental illness or disability",
        CategoryOfNeed.N4 => "Family in acute stress",
        CategoryOfNeed.N5 => "Family dysfunction",
        CategoryOfNeed.N6 => "Socially unacceptable behaviour",
        CategoryOfNeed.N7 => "Low income",
        CategoryOfNeed.N8 => "Absent parenting",
        _ => code.ToString(),
    };
}
