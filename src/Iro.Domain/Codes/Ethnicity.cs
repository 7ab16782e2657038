namespace Iro.Domain.Codes;

/// <summary>The 20 SSDA903 ethnicity codes (rule 103).</summary>
public enum Ethnicity
{
    WBRI, WIRI, WOTH, WIRT, WROM,
    MWBC, MWBA, MWAS, MOTH,
    AIND, APKN, ABAN, AOTH,
    BCRB, BAFR, BOTH,
    CHNE, OOTH,
    REFU, NOBT,
}

/// <summary>DfE major ethnic groups, as used in the statistics' ethnicity_major labels.</summary>
public enum EthnicGroup { White, Mixed, Asian, Black, Other, NotKnown }

public static class EthnicityGroups
{
    /// <summary>
    /// Major group of a code. CHNE sits under "Other ethnic group" in the historic DfE tables and under Asian
    /// in the GSS harmonised standard, so the caller chooses (ssda903.md 4.2).
    /// </summary>
    public static EthnicGroup GroupOf(Ethnicity code, bool chineseAsAsian = false) => code switch
    {
        Ethnicity.WBRI or Ethnicity.WIRI or Ethnicity.WOTH or Ethnicity.WIRT or Ethnicity.WROM => EthnicGroup.White,
        Ethnicity.MWBC or Ethnicity.MWBA or Ethnicity.MWAS or Ethnicity.MOTH => EthnicGroup.Mixed,
        Ethnicity.AIND or Ethnicity.APKN or Ethnicity.ABAN or Ethnicity.AOTH => EthnicGroup.Asian,
        Ethnicity.BCRB or Ethnicity.BAFR or Ethnicity.BOTH => EthnicGroup.Black,
        Ethnicity.CHNE => chineseAsAsian ? EthnicGroup.Asian : EthnicGroup.Other,
        Ethnicity.OOTH => EthnicGroup.Other,
        _ => EthnicGroup.NotKnown,
    };

    public static string Label(EthnicGroup group) => group switch
    {
        EthnicGroup.White => "White",
        EthnicGroup.Mixed => "Mixed or Multiple ethnic groups",
        EthnicGroup.Asian => "Asian or Asian British",
        EthnicGroup.Black => "Black, African, Caribbean or Black British",
        EthnicGroup.Other => "Other ethnic group",
        _ => "Refused or information not yet available",
    };
}
