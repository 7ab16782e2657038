namespace Iro.Web.Demo;

/// <summary>Fictional names for the demo borough. Any likeness to a real child is coincidence.</summary>
internal static class DemoNames
{
    public static readonly string[] Girls =
    [
        "Amara", "Bella", "Chloe", "Daisy", "Ella", "Freya", "Grace", "Hana", "Isla", "Jade", "Kiara", "Leah",
        "Maya", "Nadia", "Olivia", "Priya", "Ruby", "Sofia", "Tia", "Zara", "Aisha", "Evie", "Lily", "Mia",
        "Nia", "Poppy", "Safa", "Yasmin", "Esme", "Ivy",
    ];

    public static readonly string[] Boys =
    [
        "Aaron", "Ben", "Caleb", "Daniel", "Ethan", "Finn", "George", "Harry", "Ibrahim", "Jayden", "Kai", "Leo",
        "Mason", "Noah", "Omar", "Reuben", "Samuel", "Theo", "Tyler", "Yusuf", "Adam", "Elijah", "Isaac", "Jamal",
        "Kofi", "Luca", "Mohammed", "Oscar", "Rhys", "Zain",
    ];

    public static readonly string[] Surnames =
    [
        "Adeyemi", "Ahmed", "Ali", "Baker", "Begum", "Bennett", "Brown", "Campbell", "Clarke", "Cole", "Da Silva",
        "Davies", "Edwards", "Evans", "Fernandes", "Francis", "Gordon", "Green", "Hall", "Hassan", "Hughes",
        "Hussain", "Ibrahim", "James", "Johnson", "Jones", "Kamara", "Kaur", "Khan", "King", "Lewis", "Malik",
        "Martin", "Mensah", "Mohamed", "Morgan", "Murphy", "Nowak", "Okafor", "Osei", "Owusu", "Patel", "Phillips",
        "Price", "Reid", "Richards", "Robinson", "Rossi", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Thompson",
        "Turner", "Walker", "Ward", "Williams", "Wilson", "Wright",
    ];

    public static readonly string[] Officers =
    [
        "Helen Marsh", "David Okoro", "Sarah Quinn", "Michael Adebayo", "Rachel Stone", "James Whitfield",
        "Anita Desai", "Paul Gallagher", "Fiona McLeod", "Kwame Asante", "Lorraine Hill", "Tom Brennan",
    ];

    public static readonly string[] SocialWorkers =
    [
        "Alice Fenton", "Bilal Qureshi", "Carla Mendes", "Dean Parsons", "Emma Lowry", "Farah Siddiqui",
        "Gareth Pryce", "Hannah Cole", "Imran Sadiq", "Joanne Pike", "Kelly Marsh", "Liam O'Neill", "Megan Reeves",
        "Nathan Boateng", "Orla Byrne", "Patience Danso", "Rebecca Shaw", "Simon Flint", "Tanya Lewis",
        "Usha Mistry", "Victoria Lane", "Wesley Grant", "Yvonne Clarke", "Zoe Harper", "Ahmed Rahman",
        "Bethany Cross", "Connor Walsh", "Deborah Idowu", "Elliot Moss", "Gemma Knight",
    ];

    public static readonly string[] Teams =
    [
        "Children Looked After Team A", "Children Looked After Team B", "Children Looked After Team C",
        "Leaving Care Team", "Disabled Children's Team", "UASC Team",
    ];

    /// <summary>Home addresses in the borough; never the address of a placement.</summary>
    public static readonly string[] HomePostcodes =
    [
        "NW10 1HX", "NW10 2JD", "NW10 3UG", "NW10 5WE", "NW10 6YN", "NW10 8ZF", "NW10 9DL", "NW2 3GR", "NW2 4YS",
        "NW6 1TF", "NW6 3UH", "HA9 6EZ", "HA0 4WY", "W10 6RB",
    ];

    /// <summary>Placement addresses, in and out of the borough.</summary>
    public static readonly string[] Postcodes =
    [
        "NW10 4AB", "NW10 7QT", "NW2 5JH", "NW6 7RX", "HA9 8DN", "HA0 2LS", "HA3 9QP", "NW9 6BE", "W10 4PL",
        "LU2 7SY", "CR0 1EA", "RM7 0TH", "SE15 3LP", "N17 6QA", "E10 5RT", "MK9 2DF", "SL1 4HJ", "RG1 3BW",
    ];

    // Ofsted URNs of the council's own services and of the providers it uses (all fictional).
    public const string OwnFosteringServiceUrn = "SC049214";
    public const string OwnAdoptionAgencyUrn = "SC049215";

    public static readonly string[] FosteringAgencyUrns = ["SC062331", "SC415877", "SC370042", "SC458190", "SC039876", "SC433512"];

    public static readonly string[] AdoptionAgencyUrns = ["SC052718", "SC487306", "SC066094"];

    public static readonly string[] ChildrensHomeUrns =
        ["SC478201", "SC455913", "SC039127", "SC492764", "SC063355", "SC415048", "SC487629", "SC410983", "SC482310", "SC045771"];

    public static readonly string[] SupportedAccommodationUrns = ["2816453", "2820917", "2833082", "2841376", "2850221", "2862948"];

    public static readonly string[] OtherSettingUrns = ["SC033940", "SC040217", "SC428663", "SC061852"];
}
