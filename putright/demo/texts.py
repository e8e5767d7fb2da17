"""Made-up but realistic words for the demo: people, places and what residents tell a housing landlord.

Every name, street, postcode, phone number and email address here is invented. Phone numbers come from
Ofcom's ranges kept for drama (e.g. 0113 496 0xxx, 07700 900xxx); email addresses use example domains.
Templates take their blanks from `Blanks` in generate.py: {room}, {weeks}, {contractor}, {operative},
{officer}, {street}, {floor}, {door}, {amount}, {month}, {days}, {child_age}.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_NAMES = [
    "Aisha", "Alan", "Amelia", "Amir", "Andrew", "Angela", "Ayodele", "Barbara", "Bartosz", "Bethan",
    "Bilal", "Carl", "Caroline", "Chloe", "Ciaran", "Claire", "Connor", "Craig", "Daniel", "Danielle",
    "David", "Deborah", "Declan", "Eilidh", "Elaine", "Emeka", "Emma", "Fatima", "Fiona", "Gareth",
    "Gemma", "Grace", "Graham", "Hannah", "Harpreet", "Hayley", "Ian", "Imran", "Irene", "Jack",
    "Jacqueline", "James", "Janet", "Jasmine", "Jennifer", "Joanne", "John", "Joseph", "Kabir", "Karen",
    "Kayleigh", "Kerry", "Kevin", "Kwame", "Laura", "Leanne", "Lee", "Liam", "Linda", "Lisa", "Magdalena",
    "Margaret", "Mark", "Martin", "Maryam", "Michael", "Mohammed", "Natalie", "Niamh", "Nicola", "Oliver",
    "Olivia", "Patricia", "Paul", "Priya", "Rachel", "Rhys", "Richard", "Robert", "Rosa", "Ruth", "Ryan",
    "Samantha", "Sandra", "Sarah", "Shabana", "Sharon", "Simon", "Siobhan", "Sophie", "Stephen", "Stuart",
    "Susan", "Tariq", "Teresa", "Thomas", "Tomasz", "Tracey", "Usman", "Victoria", "Wayne", "Yusuf", "Zainab",
]  # fmt: skip

SURNAMES = [
    "Adeyemi", "Ahmed", "Ali", "Allen", "Anderson", "Atkinson", "Bailey", "Baker", "Begum", "Bell",
    "Bennett", "Brown", "Campbell", "Carter", "Chowdhury", "Clarke", "Collins", "Cooper", "Davies", "Dixon",
    "Doherty", "Edwards", "Evans", "Fletcher", "Fraser", "Gallagher", "Graham", "Green", "Griffiths", "Hall",
    "Harris", "Hughes", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly",
    "Khan", "King", "Kowalski", "Lewis", "Lloyd", "MacDonald", "Mahmood", "Marshall", "Martin", "McCann",
    "McLaughlin", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Nowak", "O'Brien",
    "O'Neill", "Okafor", "Owen", "Parker", "Patel", "Phillips", "Price", "Quinn", "Rahman", "Reid",
    "Roberts", "Robinson", "Rose", "Ross", "Scott", "Shah", "Sharma", "Simpson", "Singh", "Smith",
    "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams",
    "Wilson", "Wood", "Wright", "Young",
]  # fmt: skip

STREET_NAMES = [
    "Acacia", "Albert", "Alder", "Ashgrove", "Beech", "Birch", "Blackthorn", "Bramble", "Brook", "Buttercup",
    "Canal", "Castle", "Cedar", "Chapel", "Chestnut", "Church", "Clover", "Coronation", "Dale", "Elm",
    "Fern", "Foxglove", "Garden", "Hawthorn", "Hazel", "Heather", "High", "Holly", "Juniper", "Kestrel",
    "Larch", "Laurel", "Linden", "Maple", "Meadow", "Mill", "Mulberry", "Oak", "Orchard", "Park", "Poplar",
    "Primrose", "Queen's", "Railway", "Rowan", "School", "Spring", "Station", "Sycamore", "Thistle",
    "Victoria", "Willow", "Windmill", "Wren", "Yew",
]  # fmt: skip
STREET_TYPES = ["Road", "Street", "Close", "Avenue", "Way", "Grove", "Crescent", "Lane", "Drive", "Walk"]
BLOCK_NAMES = ["House", "Court", "Tower", "Heights", "Point", "Lodge"]

UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters a postcode's inward code may end with


@dataclass(frozen=True)
class Region:
    """Towns a landlord works in, their postcode districts, and the drama phone range for the area."""

    towns: tuple[tuple[str, tuple[str, ...]], ...]
    phone_prefix: str  # e.g. "0113 496 0" (Ofcom drama range), followed by three digits


REGIONS: dict[str, Region] = {
    "east-midlands": Region(
        (
            ("Leicester", ("LE1", "LE2", "LE3", "LE4", "LE5")),
            ("Loughborough", ("LE11",)),
            ("Hinckley", ("LE10",)),
            ("Melton Mowbray", ("LE13",)),
        ),
        "0116 496 0",
    ),
    "greater-manchester": Region(
        (
            ("Manchester", ("M8", "M11", "M13", "M40")),
            ("Salford", ("M5", "M6")),
            ("Stockport", ("SK1", "SK5")),
            ("Oldham", ("OL1", "OL8")),
            ("Wigan", ("WN1", "WN5")),
        ),
        "0161 496 0",
    ),
    "yorkshire": Region(
        (("Leeds", ("LS9", "LS11", "LS14")), ("Bradford", ("BD3", "BD5")), ("Wakefield", ("WF1", "WF2"))),
        "0113 496 0",
    ),
    "south-wales": Region(
        (("Cardiff", ("CF11", "CF24", "CF3")), ("Newport", ("NP19", "NP20"))), "029 2018 0"
    ),
    "scotland": Region(
        (("Glasgow", ("G21", "G31", "G42")), ("Paisley", ("PA1", "PA3")), ("Edinburgh", ("EH7", "EH11"))),
        "0141 496 0",
    ),
    "northern-ireland": Region(
        (("Belfast", ("BT5", "BT12", "BT14")), ("Lisburn", ("BT27", "BT28")), ("Newry", ("BT34", "BT35"))),
        "028 9649 6",
    ),
}

CONTRACTORS = {
    "repairs": ["Apex Property Maintenance Ltd", "Fairway Building Services", "Keystone Repairs Ltd"],
    "heating": ["Kelvin Heating Services", "Warmflow Gas Engineers Ltd"],
    "roofing": ["Midshire Roofing Ltd"],
    "damp": ["DryHome Damp Specialists", "Apex Property Maintenance Ltd"],
    "cleaning": ["Sparkle Communal Cleaning Ltd"],
    "grounds": ["GreenEdge Grounds Maintenance"],
    "lifts": ["Vertex Lift Services"],
    "windows": ["ClearView Windows & Doors Ltd"],
    "adaptations": ["Accessible Living Adaptations Ltd"],
}

ROOMS = [
    "kitchen",
    "bathroom",
    "main bedroom",
    "back bedroom",
    "living room",
    "hallway",
    "children's bedroom",
]
OPERATIVES = ["Dave", "Gary", "Kieran", "Marek", "Steve", "Tony", "Jamal", "Lewis"]


@dataclass(frozen=True)
class Topic:
    """One kind of thing residents complain about, with everything a case about it needs to say."""

    key: str
    service_area: str
    category: str
    contractor_group: str | None
    summaries: tuple[str, ...]
    descriptions: tuple[str, ...]
    points: tuple[tuple[str, str], ...]
    """(point of complaint, outcome the customer seeks)"""
    responsible_for: str
    not_responsible_for: str
    upheld_reasons: tuple[str, ...]
    not_upheld_reasons: tuple[str, ...]
    responses: tuple[str, str, str]
    """Response summaries: upheld, partly upheld, not upheld."""
    remedies: tuple[tuple[str, str, int], ...]
    """(remedy type, description, compensation in pounds or 0)"""
    actions: tuple[tuple[str, str], ...]
    """(agreed action, the role that owns it)"""
    lessons: tuple[tuple[str, str], ...]
    """(lesson, service improvement)"""
    hazard: str = ""
    vulnerability_notes: tuple[str, ...] = ()
    service_request: tuple[str, str, str] = ("", "", "")
    """(summary, description, resolution) when raised as a service request"""


TOPICS: tuple[Topic, ...] = (
    Topic(
        key="leak",
        service_area="Repairs and maintenance",
        category="Responsive repairs",
        contractor_group="repairs",
        summaries=(
            "Water coming through the {room} ceiling; repair keeps being put off",
            "Roof leak into the {room} still not fixed after {weeks} weeks",
        ),
        descriptions=(
            "Water has been coming through the {room} ceiling from the flat above for {weeks} weeks. "
            "{contractor} came twice, said it was a waste pipe and left without fixing it. The ceiling is now "
            "stained and sagging and I have to put a bucket down every time the neighbours use the shower.",
            "Water has dripped through the {room} ceiling every time it rains since {month}. I was told the roof "
            "repair would be done within 20 working days but nobody came. The plaster is cracking and the "
            "carpet is ruined. I have chased it four times by phone and each time I am told the job is with "
            "{contractor}.",
        ),
        points=(
            (
                "The leak into the {room} has not been repaired after {weeks} weeks",
                "Repair the leak this week",
            ),
            ("Operatives attended twice without fixing the cause", "An explanation of what went wrong"),
            ("Damage to the {room} ceiling and decoration", "Make good the ceiling and redecorate"),
            ("Calls chasing the repair were not returned", "A named contact until it is fixed"),
        ),
        responsible_for="Repairs to the structure and to pipework and fittings we installed; making good damage caused by a leak we were responsible for",
        not_responsible_for="Your contents and belongings, which are covered by home contents insurance",
        upheld_reasons=(
            "Our records confirm the job was raised on the first call but was not completed within our 20 working day target.",
            "{contractor}'s notes show the operative diagnosed the waste pipe but the part was not ordered.",
            "The call log shows three calls with no call back, which is below our service standard.",
        ),
        not_upheld_reasons=(
            "The leak was traced to the neighbouring flat's washing machine hose, which is the leaseholder's responsibility; we arranged access within two days of your report.",
            "Appointments were offered on three dates and our records show no access on two of them.",
        ),
        responses=(
            "We are sorry: the leak should have been fixed on the first visit. {contractor} will complete the repair and we will make good the {room}.",
            "We found the repair took too long, but the ceiling damage was caused by the flat above and we have written to that leaseholder.",
            "We have looked carefully at the repair history and found the delays were caused by missed access; we have booked a new appointment with you.",
        ),
        remedies=(
            ("apology", "An apology for the delay in completing the repair", 0),
            (
                "financial",
                "Compensation for the time without a working {room} and the time spent chasing",
                150,
            ),
            ("explanation", "An explanation of why the first two visits did not fix the leak", 0),
        ),
        actions=(
            ("Replace the leaking waste pipe and test for leaks", "housing_manager"),
            ("Make good and redecorate the {room} ceiling", "housing_manager"),
            ("Carry out a post-inspection of {contractor}'s work", "investigating_manager"),
        ),
        lessons=(
            (
                "Operatives left jobs open without ordering parts",
                "Parts now ordered before an operative leaves site",
            ),
            (
                "Chasers were logged but not escalated",
                "Third chase on a repair now goes to the repairs manager",
            ),
        ),
        service_request=(
            "Leak under the {room} sink",
            "Water leaking from the pipe under the {room} sink; the cupboard is wet.",
            "{contractor} replaced the trap and waste pipe; no further leak on test.",
        ),
    ),
    Topic(
        key="heating",
        service_area="Repairs and maintenance",
        category="Heating and hot water",
        contractor_group="heating",
        summaries=(
            "No heating or hot water for {days} days",
            "Boiler keeps breaking down; engineers do not bring the right parts",
        ),
        descriptions=(
            "Our boiler stopped working {days} days ago and we still have no heating or hot water. "
            "{contractor} attended but said they needed a part and would come back; nobody has. I have a "
            "{child_age}-year-old at home and we are boiling kettles to wash. We were not offered heaters.",
            "This is the fourth time the boiler has broken down since {month}. Every time the engineer from "
            "{contractor} comes without the right part. I want the boiler replaced, not patched up again.",
        ),
        points=(
            ("No heating or hot water for {days} days", "Restore heating and hot water immediately"),
            ("Temporary heaters were not offered", "Compensation for the extra electricity used"),
            ("Repeated breakdowns of the same boiler", "Replace the boiler"),
        ),
        responsible_for="Maintaining and repairing the gas boiler and heating system we installed, and providing temporary heating during a breakdown",
        not_responsible_for="The cost of gas and electricity ordinarily used, which is the tenant's",
        upheld_reasons=(
            "Our target is to restore heating within 24 hours for a household with a young child; this was missed.",
            "Temporary heaters should have been offered at the first visit and were not.",
            "The boiler has had four breakdowns in twelve months, which meets our criteria for replacement.",
        ),
        not_upheld_reasons=(
            "The boiler was repaired within our target and the later faults were caused by low pressure, which the engineer showed you how to reset.",
        ),
        responses=(
            "We are sorry you were without heating and hot water for so long. {contractor} has replaced the faulty part and we have approved a new boiler.",
            "The first repair took too long and heaters should have been offered, but the boiler does not yet meet the criteria for replacement; we will monitor it.",
            "Our records show the heating was restored within our target; we have explained how to repressurise the boiler.",
        ),
        remedies=(
            ("apology", "An apology for the time without heating and hot water", 0),
            ("financial", "Compensation for loss of heating and hot water and extra electricity used", 120),
            ("action_on_delay", "Boiler replacement approved and booked", 0),
        ),
        actions=(
            ("Replace the boiler", "housing_manager"),
            ("Refund the cost of electricity for portable heaters", "investigating_manager"),
        ),
        lessons=(
            (
                "Vulnerable households were not flagged to the heating contractor",
                "Vulnerability flags now sent with every heating job",
            ),
            ("Repeat breakdowns were not spotted", "Monthly report of boilers with three or more breakdowns"),
        ),
        vulnerability_notes=(
            "Household includes a baby under one; no heating",
            "Customer is 82 and lives alone; heart condition",
        ),
        service_request=(
            "No hot water",
            "Boiler showing fault code F28; no hot water since this morning.",
            "{contractor} replaced the gas valve; heating and hot water working.",
        ),
    ),
    Topic(
        key="appointments",
        service_area="Repairs and maintenance",
        category="Missed appointments",
        contractor_group="repairs",
        summaries=(
            "Three missed repair appointments",
            "Repair closed as 'no access' when I was at home",
        ),
        descriptions=(
            "I have taken three days off work for appointments to fix my {room} window and nobody has turned up "
            "or rung to cancel. Each time I call I am given a new date. I have lost three days' wages.",
            "The operative from {contractor} was meant to come between 8am and 1pm on three dates in {month}. "
            "Nobody came, and when I rang at 2pm I was told the job had been cancelled because there was 'no "
            "access', which is not true: I was in all day.",
        ),
        points=(
            ("Repair appointments were missed without notice", "An apology and a fixed appointment"),
            ("The job was closed as 'no access' when the customer was home", "Correct the record"),
            ("Loss of earnings from days taken off work", "Compensation for lost wages"),
        ),
        responsible_for="Keeping repair appointments we make, or telling you in good time if we cannot",
        not_responsible_for="",
        upheld_reasons=(
            "{contractor}'s tracker shows the operative did not attend the address on any of the dates.",
            "The 'no access' note was entered without a card being left, against our procedure.",
        ),
        not_upheld_reasons=(
            "The operative's tracker places them at the address at 10:42 and a calling card was left.",
        ),
        responses=(
            "We are sorry we let you down three times. We have corrected your record and booked a first-of-day appointment.",
            "Two appointments were missed by our contractor; on the third date the operative called and left a card, so we have not upheld that part.",
            "Our records show the operative attended and left a card; we have booked a new appointment at a time that suits you.",
        ),
        remedies=(
            ("apology", "An apology for the missed appointments", 0),
            ("financial", "Compensation of £25 per missed appointment", 75),
            ("amend_record", "The 'no access' entries removed from the repair record", 0),
        ),
        actions=(
            ("Book a first-of-day appointment and confirm by text", "housing_manager"),
            (
                "Review 'no access' closures by {contractor} for the last three months",
                "investigating_manager",
            ),
        ),
        lessons=(
            (
                "'No access' closures were not checked",
                "Calling card photo now required for every no-access closure",
            ),
        ),
        service_request=(
            "Repair appointment needed for {room} window",
            "The {room} window will not close properly; needs a new hinge.",
            "{contractor} replaced both hinges and adjusted the window.",
        ),
    ),
    Topic(
        key="damp",
        service_area="Damp and mould",
        category="Damp and mould",
        contractor_group="damp",
        hazard="damp-mould",
        summaries=(
            "Damp and mould making my child ill",
            "Damp in the {room} blamed on our 'lifestyle'",
        ),
        descriptions=(
            "There is black mould on the walls and ceiling of the {room}. {contractor} treated it in {month} "
            "and painted over it, but it was back within a few weeks. My {child_age}-year-old has asthma and the "
            "GP has written to say the damp is making it worse. Clothes in the wardrobe are ruined.",
            "The {room} has been damp since we moved in. The window frame is rotten, water runs down the glass "
            "every morning and the wallpaper is peeling. Your surveyor said it was condensation and told us to "
            "open the windows, but it is not our lifestyle: the wall is wet to touch. Our {child_age}-year-old "
            "sleeps in that room and has had a cough all winter.",
        ),
        points=(
            ("Mould in the {room} returned after treatment", "Find and fix the cause of the damp"),
            ("The damp is affecting a child's health", "Move the family while works are done if needed"),
            ("Clothes and furniture ruined by mould", "Compensation for damaged belongings"),
            ("The surveyor blamed the household's lifestyle", "An apology and a proper survey"),
        ),
        responsible_for="Investigating and putting right damp and mould caused by the building, ventilation or repairs, within the times Awaab's Law sets",
        not_responsible_for="Contents and belongings, which are for your home contents insurance (we have considered a goodwill payment)",
        upheld_reasons=(
            "The survey found a defective gutter and failed extractor fan, so the damp is not caused by the household.",
            "Treating and painting over mould without finding the cause fell short of our damp and mould procedure.",
            "The surveyor's comment about lifestyle was inappropriate and against our guidance.",
        ),
        not_upheld_reasons=(
            "The damp survey found humidity readings consistent with drying clothes indoors; the fabric of the building is sound, and we have fitted a new extractor fan to help.",
        ),
        responses=(
            "We are sorry. Our survey found the cause is a defective gutter and a failed extractor fan; both will be fixed and the {room} treated and redecorated.",
            "We have fixed the extractor fan and treated the mould; the wall readings are normal, so we have not upheld the point about the structure.",
            "Our survey found no defect in the building; we have treated the mould and fitted a humidity-controlled fan, and we will revisit in six weeks.",
        ),
        remedies=(
            ("apology", "An apology for how the damp was handled", 0),
            ("financial", "Goodwill payment towards damaged clothes and bedding", 250),
            ("change_policy", "Surveyors retrained on our damp and mould approach (no blaming residents)", 0),
        ),
        actions=(
            ("Repair the gutter and replace the extractor fan", "housing_manager"),
            ("Mould wash, stain block and redecorate the {room}", "housing_manager"),
            ("Revisit after six weeks to check the damp has not returned", "investigating_manager"),
        ),
        lessons=(
            ("Mould was treated without finding the cause", "Every damp report now gets a root-cause survey"),
            ("Residents were blamed for condensation", "Damp and mould training for all surveyors"),
        ),
        vulnerability_notes=(
            "Child with asthma in the household",
            "Customer has COPD; damp affecting breathing",
            "Pregnant; baby due in two months",
        ),
        service_request=(
            "Mould in the {room}",
            "Black mould around the {room} window and on the ceiling corner.",
            "{contractor} completed a mould wash and fitted a new extractor fan.",
        ),
    ),
    Topic(
        key="asb",
        service_area="Neighbourhoods and anti-social behaviour",
        category="ASB case handling",
        contractor_group=None,
        summaries=(
            "Noise nuisance reports ignored for months",
            "Nothing done about drug dealing in the block",
        ),
        descriptions=(
            "I have reported loud music and shouting from the flat above most nights since {month}. I have "
            "kept diary sheets as asked and sent recordings, but {officer} has not called me back and the case "
            "has not moved. I am not sleeping and my anxiety is much worse.",
            "People are dealing drugs from number {door} {street} and using the stairwell. I have reported it "
            "to you five times. You told me it was a police matter, but the tenancy is yours and nothing seems "
            "to have been done. I am scared to use the stairs at night.",
        ),
        points=(
            ("Reports of anti-social behaviour were not followed up", "Take action against the perpetrator"),
            ("The housing officer did not return calls", "Regular updates from a named officer"),
            (
                "No risk assessment was done despite the impact on the customer",
                "A risk assessment and support",
            ),
        ),
        responsible_for="How we handled your reports under our anti-social behaviour policy: investigating, keeping you updated, assessing risk and using tenancy enforcement where justified",
        not_responsible_for="Criminal matters, which are for the police; the behaviour itself, which we address with the neighbour under the tenancy agreement",
        upheld_reasons=(
            "The case was not reviewed for nine weeks and you were not updated, which is outside our ASB policy.",
            "A risk assessment should have been completed at the first report given what you told us.",
        ),
        not_upheld_reasons=(
            "The case file shows visits to the neighbour, a warning letter and a referral to mediation, and you were updated fortnightly.",
            "The noise monitoring equipment recorded levels that did not amount to a statutory nuisance; we explained this in writing.",
        ),
        responses=(
            "We did not handle your reports as our ASB policy says. A new officer now has your case, a risk assessment is done and an acceptable behaviour contract has been offered to the neighbour.",
            "We should have updated you more often, but the case was being actively worked with the police; we have agreed a fortnightly call.",
            "We found the case was handled in line with our ASB policy; we understand how distressing this is and have referred you to Victim Support.",
        ),
        remedies=(
            ("apology", "An apology for the lack of updates", 0),
            ("acknowledgement", "Acknowledgement that the risk assessment was missed", 0),
            ("financial", "Compensation for time and trouble", 100),
        ),
        actions=(
            ("Complete an ASB risk assessment and agree an action plan", "housing_manager"),
            ("Fortnightly update call to the customer until the case closes", "housing_manager"),
            ("Review the ASB case with the police at the next partnership meeting", "investigating_manager"),
        ),
        lessons=(
            (
                "ASB cases were left without review",
                "Automatic reminder when an ASB case is not reviewed for 14 days",
            ),
            ("none", ""),
        ),
        vulnerability_notes=("Severe anxiety; prefers a named contact", "Lives alone; feels unsafe at home"),
        service_request=(
            "Noise from neighbouring flat",
            "Loud music from the flat above after midnight on several nights this week.",
            "ASB case opened and diary sheets sent; noise app link provided.",
        ),
    ),
    Topic(
        key="rent",
        service_area="Income and rent accounts",
        category="Rent account",
        contractor_group=None,
        summaries=(
            "Arrears letter sent in error when rent was paid",
            "Universal Credit housing payments not credited to my rent account",
        ),
        descriptions=(
            "I received a letter threatening legal action over £{amount} of arrears. My rent is paid by direct "
            "debit and my bank statements show every payment. It was very distressing and nobody has explained "
            "where the arrears came from.",
            "My Universal Credit housing costs have been paid directly to you since {month} but the payments are "
            "not on my rent account, so it shows me £{amount} in arrears. I have sent the DWP letters twice.",
        ),
        points=(
            ("An arrears letter was sent when the rent had been paid", "Withdraw the letter and apologise"),
            ("Payments were not credited to the rent account", "Correct the rent account"),
            ("Nobody explained the arrears", "A full rent statement"),
        ),
        responsible_for="Keeping your rent account accurate, allocating payments we receive, and the letters we send about arrears",
        not_responsible_for="Decisions by the Department for Work and Pensions about your Universal Credit award",
        upheld_reasons=(
            "The direct debit payments were received but allocated to a closed account after a system change.",
            "The arrears letter should not have been sent while the payments were being investigated.",
        ),
        not_upheld_reasons=(
            "The statement shows the direct debit was cancelled at your bank in {month}, so the arrears are correct; we have set up a payment plan.",
        ),
        responses=(
            "We are sorry. The payments had been allocated to the wrong account; your rent account is corrected and the letter withdrawn.",
            "The account is corrected, but the letter itself was correct at the time it was sent as the payment had not reached us.",
            "The arrears are correct because the direct debit was cancelled; we have agreed a small weekly payment plan with you.",
        ),
        remedies=(
            ("amend_record", "Rent account corrected and a full statement sent", 0),
            ("apology", "An apology for the distress caused by the arrears letter", 0),
            ("financial", "Compensation for time and trouble", 50),
        ),
        actions=(
            ("Reallocate the misapplied payments and send a rent statement", "investigating_manager"),
            ("Check other accounts affected by the same payment allocation fault", "investigating_manager"),
        ),
        lessons=(
            (
                "Arrears letters were sent while a payment query was open",
                "Arrears letters now held while a query is open",
            ),
        ),
        service_request=(
            "Rent statement requested",
            "Customer asked for a rent statement for the last 12 months for a benefits claim.",
            "Statement sent by email.",
        ),
    ),
    Topic(
        key="service-charge",
        service_area="Leasehold and home ownership",
        category="Service charges",
        contractor_group="cleaning",
        summaries=(
            "Service charge has gone up but the services have not",
            "Charged for window cleaning and grounds maintenance that do not happen",
        ),
        descriptions=(
            "My service charge went up by £{amount} this year but the communal areas are cleaned far less "
            "often than the schedule says. I asked for the invoices from {contractor} in {month} and have had "
            "no reply.",
            "The estimated service charge includes window cleaning and grounds maintenance for the block, but "
            "neither has happened since {month}. As a leaseholder I expect value for money and a breakdown.",
        ),
        points=(
            (
                "The service charge increase is not justified by the services received",
                "A breakdown and a refund",
            ),
            ("A request for the invoices was not answered", "Copies of the invoices"),
        ),
        responsible_for="Providing the services we charge for to the standard in the schedule, and the information leaseholders are entitled to",
        not_responsible_for="Decisions of the First-tier Tribunal (Property Chamber) on reasonableness, which you may apply to",
        upheld_reasons=(
            "The contractor's visit log shows 14 missed cleans in the year, which will be credited.",
            "The request for invoices should have been answered within 21 days.",
        ),
        not_upheld_reasons=(
            "The increase reflects the new buildings insurance premium and a reserve fund contribution explained in the estimate letter.",
        ),
        responses=(
            "We found the cleaning was not done to the schedule; we have credited your account and sent the invoices.",
            "We have credited the missed cleans, but the overall increase is due to insurance and is correctly charged.",
            "The increase is explained by the insurance premium; we have sent you the invoices and the breakdown.",
        ),
        remedies=(
            ("financial", "Service charge credit for missed cleans", 85),
            ("explanation", "A full breakdown of the service charge with invoices", 0),
        ),
        actions=(
            ("Credit the service charge account and send a revised statement", "investigating_manager"),
            ("Monthly quality inspection of communal cleaning at the block", "housing_manager"),
        ),
        lessons=(
            (
                "Contractor visit logs were not checked against charges",
                "Quarterly check of visit logs before billing",
            ),
        ),
        service_request=(
            "Copy of service charge invoices",
            "Leaseholder asks for the invoices behind this year's service charge.",
            "Invoices sent by email.",
        ),
    ),
    Topic(
        key="estate",
        service_area="Estate services",
        category="Communal cleaning and bins",
        contractor_group="cleaning",
        summaries=(
            "Bin store overflowing for weeks",
            "Communal stairs not cleaned; rubbish left in the hallway",
        ),
        descriptions=(
            "The bin store at {street} has been overflowing for {weeks} weeks. There are rats and the smell "
            "comes in through our windows. The stairs have not been cleaned either and the landing light is out. I "
            "have reported it three times and nothing has changed.",
            "The stairs and landings in our block have not been cleaned by {contractor} for over a month. There "
            "is rubbish on the {floor} floor landing, the bin store is overflowing and the lights are out, which is "
            "dangerous at night.",
        ),
        points=(
            (
                "The bin store has been overflowing for weeks",
                "Clear the bins and fix the collection schedule",
            ),
            ("Communal areas are not cleaned as scheduled", "Clean the block and check the contractor"),
            ("Communal lights are out", "Repair the lighting"),
        ),
        responsible_for="Communal cleaning, bin stores and communal lighting on our estates",
        not_responsible_for="Household waste collections, which are the council's",
        upheld_reasons=(
            "The cleaning contractor missed four scheduled visits, which we did not pick up.",
            "The lighting fault was reported but the job was closed in error.",
        ),
        not_upheld_reasons=(
            "The overflowing bins were caused by missed council collections during industrial action; we reported them to the council.",
        ),
        responses=(
            "We are sorry. The block has been deep cleaned, the lights repaired and {contractor} is on an improvement plan.",
            "We have fixed the lights and cleaned the block; the bins are collected by the council, who have now caught up.",
            "The missed collections were the council's; we have arranged an extra clearance and shared the council's contact details.",
        ),
        remedies=(
            ("apology", "An apology for the state of the communal areas", 0),
            ("action_on_delay", "Deep clean and lighting repair carried out", 0),
        ),
        actions=(
            ("Deep clean the communal stairs and landings", "housing_manager"),
            ("Estate inspection with residents in four weeks", "housing_manager"),
        ),
        lessons=(
            ("none", ""),
            ("Missed cleans were not monitored", "Residents can now report a missed clean by text"),
        ),
        service_request=(
            "Bulky waste in the bin store",
            "Mattress and sofa dumped in the bin store at {street}.",
            "Removed by the estate team.",
        ),
    ),
    Topic(
        key="grounds",
        service_area="Estate services",
        category="Grounds maintenance",
        contractor_group="grounds",
        summaries=("Grass and hedges not cut all summer", "Overhanging tree blocking light to the garden"),
        descriptions=(
            "The communal grass at {street} has only been cut twice this summer and the hedges are over the "
            "footpath, so my mother cannot get past with her walker. {contractor} do not turn up when they should.",
            "A large sycamore on your land is overhanging my garden and blocking all the light. I asked in {month} "
            "for it to be cut back and was told it would be inspected; nothing has happened. The communal grass "
            "and the hedge along the footpath have hardly been cut this year either.",
        ),
        points=(
            ("Grounds maintenance is not done as scheduled", "Cut the grass and hedges"),
            ("The footpath is blocked by overgrown hedges", "Clear the footpath"),
            ("A tree inspection was promised and not done", "Inspect and prune the tree"),
        ),
        responsible_for="Grounds maintenance and trees on our land",
        not_responsible_for="Private gardens, which are the resident's to maintain",
        upheld_reasons=("{contractor} completed 6 of the 12 scheduled cuts this season.",),
        not_upheld_reasons=(
            "The tree was inspected by our arborist in {month} and found healthy; pruning is scheduled for the dormant season.",
        ),
        responses=(
            "We are sorry; {contractor} missed scheduled cuts. The grass and hedges have been cut and the footpath cleared.",
            "The footpath has been cleared; the tree was inspected and will be pruned in the winter, as is best for the tree.",
            "The tree was inspected and is healthy; pruning will be done in the dormant season.",
        ),
        remedies=(("apology", "An apology for the missed grounds maintenance", 0),),
        actions=(("Prune the overhanging sycamore", "housing_manager"),),
        lessons=(("none", ""),),
        service_request=(
            "Hedge over the footpath",
            "Hedge overgrown across the footpath at {street}.",
            "Cut back by {contractor}.",
        ),
    ),
    Topic(
        key="contractor-conduct",
        service_area="Repairs and maintenance",
        category="Contractor conduct",
        contractor_group="repairs",
        summaries=(
            "Operative left a mess and damaged the flooring",
            "Contractor was rude and swore in my home",
        ),
        descriptions=(
            "{operative} from {contractor} replaced the {room} door but left dust and debris everywhere and "
            "dragged the old door across my laminate, leaving deep scratches. When I pointed it out he said it "
            "was not his problem.",
            "The plumber from {contractor} was rude from the moment he arrived, swore at my son and refused to "
            "wear shoe covers, leaving mud across the carpet. I felt intimidated in my own home.",
        ),
        points=(
            ("The operative left the home dirty and damaged", "Repair or replace the damaged flooring"),
            ("The operative was rude and intimidating", "An apology and action with the contractor"),
        ),
        responsible_for="The conduct of contractors working on our behalf, and making good damage they cause",
        not_responsible_for="",
        upheld_reasons=(
            "{contractor} accepted that the operative did not use protective sheeting.",
            "The operative's conduct breached the contractor code of conduct we require.",
        ),
        not_upheld_reasons=(
            "Photographs taken at the start of the job show the scratches were already there.",
        ),
        responses=(
            "We are sorry. {contractor} will replace the damaged flooring and the operative will not attend your home again.",
            "The operative's conduct fell short and {contractor} has dealt with it; the photographs show the floor was already damaged, so we cannot replace it.",
            "The job photographs show the damage was already present; {contractor} has reminded its staff of our code of conduct.",
        ),
        remedies=(
            ("apology", "An apology for the operative's conduct", 0),
            ("financial", "Payment towards replacing the damaged laminate", 180),
        ),
        actions=(
            ("Replace the damaged laminate flooring", "housing_manager"),
            ("Contract meeting with {contractor} about operative conduct", "investigating_manager"),
        ),
        lessons=(("Dust sheets were not used", "Photos before and after every job inside the home"),),
    ),
    Topic(
        key="staff-conduct",
        service_area="Customer service",
        category="Staff conduct and communication",
        contractor_group=None,
        summaries=(
            "Calls and emails not returned by my housing officer",
            "Member of staff was dismissive and rude on the phone",
        ),
        descriptions=(
            "I have emailed and called {officer} six times since {month} about my transfer application and have "
            "had no reply. When I finally got through to the contact centre I was told they could not help.",
            "When I rang to report my problem the person I spoke to talked over me, said I was 'always "
            "complaining' and put the phone down. I have a hearing impairment and need people to speak clearly "
            "and give me time.",
        ),
        points=(
            ("Calls and emails were not returned", "A reply and a named contact"),
            ("The member of staff was rude", "An apology"),
            ("Communication needs were not met", "Record and use the customer's communication needs"),
        ),
        responsible_for="How our staff communicate with you and whether they met our service standards",
        not_responsible_for="Any disciplinary action, which is confidential; we will tell you only that it has been dealt with",
        upheld_reasons=(
            "Our records show the emails were received and not answered within our 5 working day standard.",
            "The call recording shows the customer was spoken to in a way that falls below our standards.",
        ),
        not_upheld_reasons=(
            "The call recording shows the adviser was polite and explained the position clearly.",
        ),
        responses=(
            "We are sorry. You should have had replies within 5 working days. The matter has been addressed with the staff member and your communication needs are now on your record.",
            "We found you were not called back, but the call recording does not show the adviser being rude.",
            "We listened to the call and found the adviser was polite; we have still added your communication needs to your record.",
        ),
        remedies=(
            ("apology", "An apology for the failure to reply", 0),
            ("amend_record", "Communication needs added to the customer record", 0),
            ("financial", "Compensation for time and trouble", 50),
        ),
        actions=(
            ("Named housing officer to call fortnightly until the transfer is decided", "housing_manager"),
        ),
        lessons=(
            (
                "Shared mailbox was not monitored during leave",
                "Out-of-office cover now set for every housing officer",
            ),
        ),
        vulnerability_notes=("Hearing impairment; needs clear speech and extra time",),
    ),
    Topic(
        key="lift",
        service_area="Repairs and maintenance",
        category="Lifts and building safety",
        contractor_group="lifts",
        summaries=("Lift out of order for {weeks} weeks in a ten-storey block", "Lift keeps breaking down"),
        descriptions=(
            "The lift at {street} has been out of order for {weeks} weeks. I live on the {floor} floor and use a "
            "wheelchair, so I have been stuck indoors. {contractor} say they are waiting for a part but nobody "
            "has offered any help.",
            "The lift has broken down six times since {month}. Last week my neighbour was trapped inside for 40 "
            "minutes. We need a permanent fix, not repeated call-outs.",
        ),
        points=(
            ("The lift has been out of order for weeks", "Repair the lift"),
            ("No help was offered to a resident who cannot use the stairs", "Temporary rehousing or support"),
            ("Repeated breakdowns of the lift", "Replace or refurbish the lift"),
        ),
        responsible_for="Maintaining and repairing communal lifts, and helping residents affected while a lift is out of service",
        not_responsible_for="",
        upheld_reasons=(
            "We should have contacted residents with mobility needs on the first day of the outage.",
            "The lift has had more breakdowns than our maintenance contract allows.",
        ),
        not_upheld_reasons=(
            "The part had to be manufactured; {contractor} fitted it on the day it arrived.",
        ),
        responses=(
            "We are sorry. The lift is now repaired, and residents who cannot use the stairs will be contacted on day one of any future outage.",
            "The delay was caused by the part, but we should have offered you help while the lift was out.",
            "The lift was repaired as soon as the part arrived; we have explained the lift refurbishment programme.",
        ),
        remedies=(
            ("apology", "An apology for not offering support during the outage", 0),
            ("financial", "Compensation for loss of access", 200),
        ),
        actions=(("Add the block's lift to the refurbishment programme", "investigating_manager"),),
        lessons=(
            (
                "Residents with mobility needs were not contacted",
                "Lift outages now trigger calls to residents with a mobility flag",
            ),
        ),
        vulnerability_notes=("Wheelchair user on the {floor} floor",),
    ),
    Topic(
        key="adaptations",
        service_area="Aids and adaptations",
        category="Adaptations",
        contractor_group="adaptations",
        summaries=("Level-access shower still not fitted after occupational therapy referral",),
        descriptions=(
            "The occupational therapist referred me for a level-access shower in {month}. I was told it would "
            "take 12 weeks. It has been much longer and I still have to be helped into the bath, which is unsafe.",
        ),
        points=(
            ("The adaptation has taken far longer than promised", "Fit the shower without further delay"),
            ("No updates on the adaptation", "A date for the works"),
        ),
        responsible_for="Minor and major adaptations to our homes following an occupational therapy referral",
        not_responsible_for="Disabled Facilities Grant decisions, which are the council's",
        upheld_reasons=("The works order was not raised for six weeks after the referral.",),
        not_upheld_reasons=(
            "The delay was caused by the council's grant approval, which we chased monthly.",
        ),
        responses=(
            "We are sorry for the delay. {contractor} will start the works on the agreed date.",
            "Part of the delay was ours; the rest was the grant approval. The works are now booked.",
            "The delay was in the grant approval; the works are booked now it has been given.",
        ),
        remedies=(("apology", "An apology for the delay", 0), ("action_on_delay", "Works booked", 0)),
        actions=(("Install the level-access shower", "housing_manager"),),
        lessons=(
            ("Referrals waited in a shared inbox", "Adaptation referrals now logged on the day they arrive"),
        ),
        vulnerability_notes=("Limited mobility after a stroke; needs help to bathe",),
    ),
    Topic(
        key="windows",
        service_area="Repairs and maintenance",
        category="Windows and doors",
        contractor_group="windows",
        summaries=("Front door does not lock properly", "Draughty windows that will not close"),
        descriptions=(
            "My front door has not locked properly since {month}; you have to lift it to turn the key. I do not "
            "feel safe. {contractor} looked at it and said the whole door needs replacing, then nothing happened. Two "
            "of the windows will not close properly either.",
            "Two windows in the {room} will not close and there is a draught all winter. The handles are broken "
            "and one window has a cracked pane. The front door also sticks and will only lock if you lift it.",
        ),
        points=(
            ("The front door does not lock", "Replace the door"),
            ("Windows will not close", "Repair the windows"),
        ),
        responsible_for="Repairs to doors and windows, and the security of your home",
        not_responsible_for="",
        upheld_reasons=(
            "The door replacement was approved but the order was never placed with {contractor}.",
        ),
        not_upheld_reasons=(
            "The windows were repaired in {month} and the handles are a tenant's responsibility under the repairs handbook.",
        ),
        responses=(
            "We are sorry. The door has been made secure and the replacement ordered.",
            "The door has been ordered; the broken handles are a tenant's repair, but we have replaced them as a goodwill gesture.",
            "Our records show the windows were repaired; handles are a tenant's repair under the handbook.",
        ),
        remedies=(
            ("apology", "An apology for the delay", 0),
            ("action_on_delay", "Door replacement ordered", 0),
        ),
        actions=(("Replace the front door and lock", "housing_manager"),),
        lessons=(("Approved orders were not followed up", "Weekly check of approved but unplaced orders"),),
        service_request=(
            "Front door lock sticking",
            "Front door lock is stiff and the key is hard to turn.",
            "{contractor} adjusted the door and replaced the lock barrel.",
        ),
    ),
    Topic(
        key="lettings",
        service_area="Lettings",
        category="Condition of home when let",
        contractor_group="repairs",
        summaries=("New home was dirty and had repairs outstanding when I moved in",),
        descriptions=(
            "When I collected the keys the {room} was filthy, the oven was full of grease and the bathroom "
            "extractor fan did not work. The sign-up officer said it would all be fixed in a week; a month on "
            "nothing has been done.",
        ),
        points=(
            ("The home was not at the lettable standard", "Clean and repair the home"),
            ("Promised repairs were not done", "Complete the repairs"),
        ),
        responsible_for="Letting homes at our lettable standard and completing any repairs agreed at sign-up",
        not_responsible_for="",
        upheld_reasons=("The void inspection was signed off without the clean being checked.",),
        not_upheld_reasons=(
            "The repairs agreed at sign-up were completed on the dates on the sign-up form.",
        ),
        responses=(
            "We are sorry your new home was not ready. The repairs are done and we have paid for the cleaning you did.",
            "The clean fell short of our standard; the repairs were done on the agreed dates.",
            "The repairs agreed at sign-up were completed on time.",
        ),
        remedies=(("apology", "An apology", 0), ("financial", "Refund of cleaning costs", 60)),
        actions=(("Complete the outstanding repairs from sign-up", "housing_manager"),),
        lessons=(("Void sign-off missed the clean", "Photographs now needed for void sign-off"),),
    ),
)

TOPIC_WEIGHTS = {
    "leak": 12,
    "heating": 8,
    "appointments": 8,
    "damp": 12,
    "asb": 9,
    "rent": 7,
    "service-charge": 4,
    "estate": 7,
    "grounds": 4,
    "contractor-conduct": 6,
    "staff-conduct": 7,
    "lift": 3,
    "adaptations": 3,
    "windows": 5,
    "lettings": 3,
}

# Complaints not accepted, by the policy's reason code: (service area, summary, description, rationale).
NOT_ACCEPTED: dict[str, tuple[str, str, str, str]] = {
    "service-request": (
        "Repairs and maintenance",
        "Kitchen tap dripping",
        "Customer rang to say the kitchen tap is dripping and asked for it to be fixed.",
        "A first report of a repair: raised as a repair job and the customer told they can complain if it is not put right.",
    ),
    "other-policy": (
        "Neighbourhoods and anti-social behaviour",
        "Neighbour's dog barking",
        "Customer wants us to stop the neighbour's dog barking during the day.",
        "This is a first report of anti-social behaviour, handled under the ASB policy; an ASB case has been opened and the customer told how to complain about its handling.",
    ),
    "neighbour-dispute": (
        "Neighbourhoods and anti-social behaviour",
        "Dispute with neighbour over a parking space",
        "Customer says the neighbour keeps parking across their drive and wants us to intervene.",
        "A neighbour dispute dealt with under the tenancy agreement; referred to the neighbourhood officer and the customer told how to complain about how it is handled.",
    ),
    "legal-proceedings": (
        "Damp and mould",
        "Disrepair claim about damp",
        "Solicitors acting for the customer sent a letter of claim for housing disrepair about damp in the property.",
        "A letter of claim for disrepair has been received, so the matter is being dealt with through the pre-action protocol; the repairs themselves are being progressed.",
    ),
    "not-our-service": (
        "Customer service",
        "Council tax bill too high",
        "Customer is unhappy with their council tax banding.",
        "Council tax is set by the local authority; the customer was given the council's contact details.",
    ),
    "not-our-organisation": (
        "Customer service",
        "Broadband outage in the block",
        "Customer complains that the broadband in the block has been down for a week.",
        "The broadband is provided by a private supplier not working for us; the customer was given the supplier's complaints details.",
    ),
    "insurance-claim": (
        "Estate services",
        "Tripped on broken paving and injured",
        "Customer tripped on broken paving on the estate, injured their wrist and wants compensation for the injury.",
        "A personal injury claim is handled by our insurers; the claim has been passed to them and the paving made safe.",
    ),
    "compensation-claim": (
        "Repairs and maintenance",
        "Claim for freezer contents after a power cut",
        "Customer wants compensation for food lost when the power was off during electrical works.",
        "Considered under the Compensation Policy; the customer has been sent the claim form.",
    ),
    "policy-content": (
        "Customer service",
        "Disagree with the pets policy",
        "Customer disagrees with the policy that limits pets in flats.",
        "Dissatisfaction with the content of a policy: responded to, and passed to the policy review.",
    ),
    "policy-explanation": (
        "Income and rent accounts",
        "How is my rent calculated?",
        "Customer asked for an explanation of how rent is set.",
        "A request for an explanation of policy: the rent-setting leaflet was sent and explained by phone.",
    ),
    "rent-increase-regulation": (
        "Income and rent accounts",
        "Rent increase unfair",
        "Customer complains about this year's rent increase.",
        "The increase follows the government's rent standard; the calculation was explained in writing.",
    ),
    "fly-tipping-vandalism": (
        "Estate services",
        "Graffiti on the garages",
        "Customer reports graffiti on the garage block.",
        "A first report of vandalism: a job raised to remove it, and the customer told how to complain if it is not dealt with.",
    ),
    "survey-dissatisfaction": (
        "Repairs and maintenance",
        "Poor score in the repairs survey",
        "Customer gave a score of 1 in the text survey after a repair, with no further detail.",
        "Dissatisfaction through a survey: the customer was called and told how to make a complaint.",
    ),
    "over-time-limit": (
        "Repairs and maintenance",
        "Repair delay long ago",
        "Customer complains about a delay to a kitchen repair that was completed long ago.",
        "The issue happened outside the time limit in our policy; there is no continuing problem and no good reason for the delay in raising it.",
    ),
}

WITHDRAW_REASONS = (
    "The repair has now been done and the customer is happy to withdraw",
    "Customer said they had sorted it out with the neighbour",
    "Customer moved away and no longer wishes to pursue the complaint",
    "Customer rang to say they raised it in the heat of the moment and are content with the explanation given",
)

ESCALATION_REASONS = (
    "I do not accept that the damage was already there.",
    "The works you promised at stage 1 have still not been done.",
    "The compensation does not reflect how long this has gone on.",
    "",
    "You have not answered the point about the calls not being returned.",
    "",
)

EXTENSION_REASONS: dict[str, tuple[str, ...]] = {
    "default": (
        "The investigating manager needs to speak to the colleagues involved, one of whom is on leave",
        "We need to inspect the home with you before we can answer every point",
    ),
    "contractor": ("Waiting for {contractor}'s inspection report and job records",),
    "damp": ("A full damp survey is booked and we need its findings to answer every point",),
    "asb": ("Waiting for information from the police about the reports",),
    "rent": ("Waiting for the payment records from the bank and the DWP",),
    "service-charge": ("Waiting for the contractor's visit logs and invoices",),
    "staff-conduct": ("The call recordings have to be retrieved and reviewed",),
    "lift": ("Specialist inspection of the lift by the insurer's engineer",),
}

ADDITIONAL_ISSUES = (
    ("A promised call back about the complaint did not happen", "A call back"),
    ("Letters about the complaint went to the wrong address", "Letters to the right address"),
    ("The customer's emails were not acknowledged", "Replies to emails"),
)

SATISFACTION_COMMENTS = {
    1: ("You took far too long and I had to chase everything.", "Nothing has changed."),
    2: ("The repair is done but nobody kept me updated.", "The response did not answer all my points."),
    3: ("Okay in the end.", ""),
    4: ("Thank you for sorting it out.", "Good communication from the officer."),
    5: ("Very happy with how this was handled.", "The manager who called me was excellent."),
}

# Compliments: (service area, summary, description, the staff (by key) they may be about).
COMPLIMENTS = (
    (
        "Repairs and maintenance",
        "Thank you to {colleague}",
        "{colleague} went above and beyond to sort out my {room} repair and kept me updated every step of the way.",
        ("repairs-team-leader",),
    ),
    (
        "Housing management",
        "{colleague} was very helpful",
        "{colleague} helped me apply for the Household Support Fund when I was struggling. I am very grateful.",
        ("housing-manager-1", "housing-manager-2", "income-manager"),
    ),
    (
        "Estate services",
        "Praise for the estate team",
        "The communal gardens look lovely since {colleague} and the team started. Thank you.",
        ("estates-manager", "neighbourhood-team-leader"),
    ),
    (
        "Customer service",
        "Thank you for handling my complaint so well",
        "{colleague} listened, kept me informed and did what they said they would. It made a real difference.",
        ("feedback-officer-1", "feedback-officer-2"),
    ),
)

# Comments and suggestions: (service area, summary, description, response).
COMMENTS = (
    (
        "Repairs and maintenance",
        "Suggestion: text reminders for repairs",
        "It would help if you sent a text the day before a repair appointment.",
        "Thank you: appointment reminders by text start in the spring.",
    ),
    (
        "Customer service",
        "Could the office open on Saturdays?",
        "I work full time and cannot get to the office on weekdays.",
        "Thank you for the suggestion; we now offer video appointments in the evening and will review Saturday opening.",
    ),
    (
        "Customer service",
        "Residents' newsletter is hard to read",
        "The print in the newsletter is too small for me.",
        "Thank you: the newsletter is now available in large print and audio.",
    ),
    (
        "Estate services",
        "Idea for the community garden",
        "Residents on the estate would like to turn the unused green into a community garden.",
        "Thank you: the neighbourhood team will meet residents to plan it.",
    ),
)

# General feedback resolved at first contact: (service area, summary, description, resolution).
FEEDBACK = (
    (
        "Customer service",
        "Website repairs form not working",
        "The online repairs form gave an error when I tried to submit it.",
        "Reported to IT and fixed the same day; the customer's repair logged by phone.",
    ),
    (
        "Customer service",
        "Long wait on the phone line",
        "I waited 35 minutes to get through on Monday morning.",
        "Apologised and explained Monday is the busiest time; call-back option explained.",
    ),
    (
        "Customer service",
        "Letter sent to the wrong name",
        "The letter about my gas safety check was addressed to the previous tenant.",
        "Record corrected and the letter reissued.",
    ),
    (
        "Repairs and maintenance",
        "Operative did not show ID",
        "The gas engineer did not show ID at the door.",
        "Passed to the contractor manager; all operatives reminded to show ID.",
    ),
)

RESOLUTIONS_BY_INTEGRATION = "Job completed in the repairs system"

REPRESENTATIVES = (
    ("daughter", "asked_by_customer", "given", "Signed consent form on file"),
    ("son", "asked_by_customer", "given", "Verbal consent recorded on a call"),
    ("Member of Parliament", "designated_person", "given", "Letter from the constituency office"),
    ("local councillor", "designated_person", "given", "Email from the ward councillor"),
    ("attorney (lasting power of attorney)", "lacks_capacity", "given", "Copy of registered LPA seen"),
    ("Citizens Advice adviser", "asked_by_customer", "requested", "Consent form sent to the customer"),
)

ADJUSTMENTS = (
    ("large_print", "Letters in 16pt Arial"),
    ("phone_call", "Call rather than write; follow up by text"),
    ("interpreter", "Polish interpreter for calls and visits"),
    ("interpreter", "Urdu interpreter for calls and visits"),
    ("bsl", "BSL interpreter for visits; contact by email or text"),
    ("named_contact", "A single named contact"),
    ("avoid_times", "No calls before 11am (medication)"),
    ("extra_time", "Allow an extra 10 working days to reply to letters"),
    ("easy_read", "Easy read versions of letters"),
)

DISABILITIES = (
    "Hearing impairment",
    "Uses a wheelchair",
    "Anxiety and depression",
    "COPD",
    "Partially sighted",
)
