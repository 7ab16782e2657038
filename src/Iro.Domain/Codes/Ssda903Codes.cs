namespace Iro.Domain.Codes;

// SSDA903 code lists as typed values (ssda903.md section 4). Member names are the DfE codes,
// so Enum.Parse of an upper-cased 903 value is the mapping and nothing is compared as a free string.

/// <summary>Sex as coded from collection year 2024-25 (earlier years' 1/2 are mapped on import).</summary>
public enum Sex { M, F, U }

/// <summary>Reason for new episode (RNE).</summary>
public enum ReasonForNewEpisode { S, L, P, T, B, U }

/// <summary>Legal status (LS).</summary>
public enum LegalStatus { C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3 }

/// <summary>Category of need (CIN).</summary>
public enum CategoryOfNeed { N1, N2, N3, N4, N5, N6, N7, N8 }

/// <summary>Placement type (PLACE); validity by collection year is the 903 library's concern.</summary>
public enum PlacementType
{
    A3, A4, A5, A6, H5, K1, K2, K3, P1, P2, P3, R1, R2, R3, R5, S1,
    T0, T1, T2, T3, T4, U1, U2, U3, U4, U5, U6, Z1, Z11, Z12, Z13, Z14,
}

/// <summary>Placement provider (PLACE_PROVIDER).</summary>
public enum PlacementProvider { PR0, PR1, PR2, PR3, PR4, PR5 }

/// <summary>Reason episode ceased (REC).</summary>
public enum ReasonEpisodeCeased
{
    X1, E11, E12, E2, E3, E4A, E4B, E13, E41, E45, E46, E47, E48,
    E5, E6, E7, E8, E9, E14, E15, E16, E17,
}

/// <summary>Reason for placement change (REASON_PLACE_CHANGE), recorded on the ceasing episode.</summary>
public enum ReasonPlaceChange { CARPL, CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO, CHILD, LAREQ, PLACE, CUSTOD, OTHER }

/// <summary>Review participation (REVIEW_CODE).</summary>
public enum ParticipationCode { PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7 }

/// <summary>Missing (M) or away without authorisation (A).</summary>
public enum MissingType { M, A }
