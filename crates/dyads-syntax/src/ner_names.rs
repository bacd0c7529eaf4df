//! Short built-in name lists for the recogniser's gazetteer, beside the
//! lexicon's states, organisations and people: sub-national places, large
//! cities, regions and common given names. Facts, written for this project.

use crate::ner_gazetteer::{kind, Gazetteer};

/// US states and territories, Canadian provinces, Australian states, Indian
/// states and other large sub-national units often named in English text.
const SUBNATIONAL: &str = "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|\
Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|\
Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|\
New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|\
Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|\
Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico|Guam|District of Columbia|D.C.|DC|\
Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|\
Newfoundland|Queensland|New South Wales|Victoria|Tasmania|Western Australia|Kerala|Punjab|\
Goa|Bihar|Gujarat|Maharashtra|Karnataka|Tamil Nadu|Rajasthan|Uttar Pradesh|West Bengal|Kashmir|\
Bavaria|Catalonia|Scotland|Wales|England|Northern Ireland|Siberia|Chechnya|Crimea|Donbas|\
Kurdistan|Darfur|Tibet|Xinjiang|Hong Kong|Macau|Taiwan|Gaza|West Bank|Gaza Strip|Golan Heights|\
Sinai|Anbar|Kandahar|Helmand|Sindh|Balochistan|Calif.|Fla.|Tex.|Mass.|N.Y.|N.J.|Va.|Pa.";

/// Large and newsworthy cities.
const CITIES: &str = "New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|\
San Diego|Dallas|San Jose|Austin|Jacksonville|San Francisco|Columbus|Fort Worth|Indianapolis|\
Charlotte|Seattle|Denver|Boston|El Paso|Detroit|Nashville|Portland|Memphis|Oklahoma City|\
Las Vegas|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Kansas City|\
Atlanta|Miami|Raleigh|Omaha|Oakland|Minneapolis|Tulsa|Cleveland|Wichita|Arlington|New Orleans|\
Tampa|Honolulu|Anaheim|Pittsburgh|Cincinnati|St. Louis|Orlando|Buffalo|Richmond|Salt Lake City|\
Berkeley|Palo Alto|Cambridge|Princeton|Brooklyn|Manhattan|Queens|Bronx|Hollywood|Santa Monica|\
Toronto|Montreal|Vancouver|Calgary|Ottawa|Edmonton|Winnipeg|Mexico City|Guadalajara|Tijuana|\
Havana|Bogota|Lima|Santiago|Buenos Aires|Sao Paulo|Rio de Janeiro|Caracas|Quito|La Paz|\
London|Manchester|Liverpool|Birmingham|Edinburgh|Glasgow|Dublin|Belfast|Paris|Marseille|Lyon|\
Berlin|Munich|Hamburg|Frankfurt|Cologne|Rome|Milan|Naples|Venice|Florence|Madrid|Barcelona|\
Lisbon|Amsterdam|Brussels|Geneva|Zurich|Vienna|Prague|Warsaw|Budapest|Bucharest|Athens|\
Istanbul|Ankara|Moscow|St. Petersburg|Kyiv|Kiev|Minsk|Stockholm|Oslo|Copenhagen|Helsinki|\
Cairo|Alexandria|Tripoli|Benghazi|Tunis|Algiers|Casablanca|Lagos|Abuja|Nairobi|Mogadishu|\
Khartoum|Addis Ababa|Johannesburg|Cape Town|Kinshasa|Baghdad|Basra|Mosul|Fallujah|Ramadi|\
Tikrit|Kirkuk|Erbil|Najaf|Karbala|Tehran|Damascus|Aleppo|Homs|Beirut|Amman|Jerusalem|Tel Aviv|\
Haifa|Ramallah|Riyadh|Jeddah|Mecca|Medina|Dubai|Abu Dhabi|Doha|Kuwait City|Muscat|Sanaa|Aden|\
Kabul|Islamabad|Karachi|Lahore|Peshawar|New Delhi|Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|\
Madras|Bangalore|Bengaluru|Hyderabad|Pune|Dhaka|Colombo|Kathmandu|Beijing|Shanghai|\
Guangzhou|Shenzhen|Wuhan|Tokyo|Osaka|Kyoto|Seoul|Pyongyang|Taipei|Manila|Jakarta|Bangkok|\
Hanoi|Saigon|Ho Chi Minh City|Singapore|Kuala Lumpur|Sydney|Melbourne|Brisbane|Perth|\
Auckland|Wellington|Oxford";

/// Continents, seas and other regions.
const REGIONS: &str = "Africa|Asia|Europe|North America|South America|Latin America|Antarctica|\
Australia|Oceania|Middle East|Near East|Far East|East Asia|Southeast Asia|South Asia|\
Central Asia|Eastern Europe|Western Europe|the West|Caribbean|Balkans|Caucasus|Sahel|\
Horn of Africa|Persian Gulf|Gulf of Mexico|Mediterranean|Atlantic|Pacific|Indian Ocean|\
Red Sea|Black Sea|Baltic|Arctic|Amazon|Nile|Mississippi River|Himalayas|Alps|Midwest|\
Silicon Valley|Bay Area|Wall Street|Capitol Hill|Pentagon|Kremlin|White House|Downing Street";

/// Common given names.
const GIVEN: &str = "James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|\
Christopher|Daniel|Matthew|Anthony|Mark|Donald|Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|\
George|Timothy|Ronald|Edward|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|\
Larry|Justin|Scott|Brandon|Benjamin|Samuel|Gregory|Alexander|Frank|Patrick|Raymond|Jack|\
Dennis|Jerry|Tyler|Aaron|Jose|Adam|Nathan|Henry|Douglas|Zachary|Peter|Kyle|Ethan|Walter|\
Noah|Jeremy|Christian|Keith|Roger|Terry|Gerald|Harold|Sean|Austin|Carl|Arthur|Lawrence|Dylan|\
Jesse|Jordan|Bryan|Billy|Joe|Bruce|Gabriel|Logan|Albert|Willie|Alan|Juan|Wayne|Elijah|Randy|\
Roy|Vincent|Ralph|Eugene|Russell|Bobby|Mason|Philip|Louis|Bob|Bill|Jim|Mike|Tom|Dave|Steve|\
Chris|Dan|Matt|Tony|Jeff|Greg|Ken|Tim|Ron|Ed|Rick|Nick|Ben|Sam|Jon|Ray|Vince|Kim|Mary|\
Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|Margaret|\
Sandra|Ashley|Kimberly|Emily|Donna|Michelle|Dorothy|Carol|Amanda|Melissa|Deborah|Stephanie|\
Rebecca|Sharon|Laura|Cynthia|Kathleen|Amy|Shirley|Angela|Helen|Anna|Brenda|Pamela|Nicole|\
Emma|Samantha|Katherine|Christine|Debra|Rachel|Catherine|Carolyn|Janet|Ruth|Maria|Heather|\
Diane|Virginia|Julie|Joyce|Victoria|Olivia|Kelly|Christina|Lauren|Joan|Evelyn|Judith|Megan|\
Cheryl|Andrea|Hannah|Martha|Jacqueline|Frances|Gloria|Ann|Teresa|Kathryn|Sara|Janice|Jean|\
Alice|Madison|Doris|Abigail|Julia|Judy|Grace|Denise|Amber|Marilyn|Beverly|Danielle|Theresa|\
Sophia|Marie|Diana|Brittany|Natalie|Isabella|Charlotte|Rose|Alexis|Kayla|Sue|Kate|Jane|Liz|\
Jenny|Beth|Meg|Ahmed|Mohammed|Muhammad|Ali|Hassan|Hussein|Omar|Abdul|Abu|Ibrahim|Mahmoud|\
Khalid|Yusuf|Mustafa|Raj|Rahul|Amit|Sanjay|Vijay|Priya|Anil|Sunil|Ravi|Wei|Li|Hiroshi|Yuki|\
Carlos|Luis|Miguel|Pedro|Jorge|Pablo|Diego|Javier|Francisco|Antonio|Manuel|Ana|Sofia|Lucia|\
Pierre|Jean|Jacques|Francois|Hans|Klaus|Karl|Dmitry|Sergei|Vladimir|Ivan|Igor|Olga|Natasha";

/// Well-known companies and brands.
const COMPANIES: &str = "Google|Microsoft|Apple|Amazon|Facebook|Meta|Twitter|Yahoo|Yahoo!|IBM|\
Intel|Oracle|Cisco|Dell|HP|Hewlett - Packard|Sony|Samsung|Nokia|Motorola|Toyota|Honda|Nissan|\
Ford|General Motors|GM|Chrysler|Volkswagen|BMW|Mercedes|Boeing|Airbus|Lockheed Martin|\
Exxon|ExxonMobil|Exxon Mobil|Chevron|Shell|Royal Dutch Shell|BP|Total|ConocoPhillips|Valero|\
Halliburton|Enron|WorldCom|Walmart|Wal - Mart|Target|Costco|Kmart|Sears|Home Depot|IKEA|\
McDonald 's|McDonalds|Burger King|Starbucks|KFC|Subway|Pizza Hut|Taco Bell|Wendy 's|\
Coca - Cola|Coke|Pepsi|PepsiCo|Nestle|Kraft|Unilever|Procter & Gamble|Johnson & Johnson|\
Pfizer|Merck|Novartis|Bayer|AT&T|Verizon|Sprint|T - Mobile|Comcast|Vodafone|Netflix|eBay|\
PayPal|Visa|MasterCard|American Express|Citigroup|Citibank|JPMorgan|JP Morgan|Goldman Sachs|\
Morgan Stanley|Merrill Lynch|Lehman Brothers|Bank of America|Wells Fargo|HSBC|Barclays|\
Deutsche Bank|UBS|Credit Suisse|Fannie Mae|Freddie Mac|AIG|Berkshire Hathaway|FedEx|UPS|\
DHL|Delta|United Airlines|American Airlines|Southwest|British Airways|Lufthansa|Emirates|\
Qantas|Air India|AirAsia|Ryanair|Eurostar|Amtrak|Greyhound|Hilton|Marriott|Hyatt|Sheraton|\
Disney|Warner Bros.|Time Warner|Viacom|Paramount|Universal|Fox|News Corp|Mozilla|Firefox|\
Adobe|Netscape|AOL|MySpace|YouTube|Wikipedia|Skype|Linux|Xerox|Kodak|Canon|Nikon|Panasonic|\
Toshiba|Hitachi|Siemens|Philips|Nike|Adidas|Gap|Levi 's|Tata|Infosys|Wipro|Reliance|Gazprom|\
Rosneft|Aramco|Saudi Aramco|PetroChina|Sinopec|Huawei|Alibaba|Tencent|Baidu|Lenovo";

/// Words that end or mark organisation names.
const ORG_WORDS: &str = "Inc.|Inc|Corp.|Corp|Corporation|Co.|Company|Ltd.|Ltd|LLC|LLP|PLC|\
Group|Holdings|Association|Assn.|Committee|Council|Commission|Agency|Authority|Board|Bureau|\
Department|Dept.|Ministry|Office|Service|Services|Institute|Institution|Foundation|Fund|Trust|\
University|College|School|Academy|Society|Union|League|Federation|Party|Front|Movement|Army|\
Navy|Force|Forces|Police|Guard|Court|Senate|Congress|Parliament|Assembly|Bank|Airlines|Airways|\
Motors|Systems|Technologies|Solutions|Industries|Enterprises|Partners|Associates|Consulting|\
Communications|Media|Press|News|Times|Post|Journal|Network|Club|Team|Center|Centre|Hospital|\
Church|Organization|Organisation|Coalition|Alliance|Administration|Brigade|Insurance|Energy|\
Electric|Oil|Gas|Pharmaceuticals|Labs|Laboratories|Records|Studios|Store|Stores|Restaurant|\
Pizza|Cafe|Grill|Bakery|Salon|Clinic|Motorsports|Transport|Logistics|Realty|Properties";

/// Words that end or mark place names.
const LOC_WORDS: &str = "Street|St.|Avenue|Ave|Ave.|Road|Rd|Rd.|Boulevard|Blvd|Blvd.|Lane|\
Drive|Highway|Hwy|Square|Plaza|Park|Bridge|River|Lake|Sea|Ocean|Gulf|Bay|Island|Islands|\
Mountain|Mountains|Mount|Mt.|Hill|Hills|Valley|Canyon|Desert|Forest|Beach|Coast|Peninsula|\
County|Province|District|State|City|Town|Village|Township|Region|Airport|Station|Port|Harbor|\
Harbour|Falls|Springs|Heights|Point|Canal|Strait|Straits";

/// Titles and honorifics that come before personal names.
const TITLES: &str = "Mr.|Mr|Mrs.|Mrs|Ms.|Ms|Miss|Dr.|Dr|Prof.|Professor|Sir|Dame|Lord|\
Lady|President|Vice President|Prime Minister|PM|Minister|Secretary|Senator|Sen.|\
Representative|Rep.|Congressman|Congresswoman|Governor|Gov.|Mayor|King|Queen|Prince|Princess|\
Sheikh|Shaikh|Ayatollah|Imam|Pope|Cardinal|Bishop|Rev.|Reverend|Father|General|Gen.|Colonel|\
Col.|Major|Maj.|Captain|Capt.|Lt.|Lieutenant|Sergeant|Sgt.|Judge|Justice|Chairman|Chancellor|\
Ambassador|Commander|CEO|Director|Spokesman|Spokeswoman|Uncle|Aunt|Saint|St.";

/// Adds the built-in lists to `g`.
pub(crate) fn add_builtin(g: &mut Gazetteer) {
    let loc = kind("loc");
    for name in SUBNATIONAL.split('|').chain(CITIES.split('|')) {
        g.add(name, loc);
    }
    for name in REGIONS.split('|') {
        g.add(name, kind("region"));
    }
    for name in GIVEN.split('|').chain(crate::ner_census::GIVEN.split('|')) {
        g.add(name, kind("given"));
    }
    for name in crate::ner_census::SURNAMES.split('|') {
        g.add(name, kind("surname"));
    }
    let lists = [
        (COMPANIES, "company"),
        (ORG_WORDS, "orgword"),
        (LOC_WORDS, "locword"),
        (TITLES, "title"),
    ];
    for (list, k) in lists {
        for name in list.split('|') {
            g.add(name, kind(k));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_clean() {
        for list in [
            SUBNATIONAL,
            CITIES,
            REGIONS,
            GIVEN,
            COMPANIES,
            ORG_WORDS,
            LOC_WORDS,
            TITLES,
        ] {
            for name in list.split('|') {
                assert!(!name.is_empty() && name.trim() == name, "{name:?}");
            }
        }
        let mut g = Gazetteer::default();
        add_builtin(&mut g);
        assert!(g.len() > 4000);
    }
}
