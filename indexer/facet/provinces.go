package facet

import (
	"slices"
	"strings"
	"sync"
)

// Province is the canonical Thai name of one of the 77 provinces, e.g.
// "ลำพูน". The zero value means none.
type Province string

// Region is a region id of the NSO scheme (4 regions plus Bangkok).
type Region string

// Regions of the NSO scheme, used for the region facet.
const (
	RegionNorth     Region = "north"
	RegionNortheast Region = "northeast"
	RegionCentral   Region = "central" // includes the East and the West
	RegionSouth     Region = "south"
	RegionBangkok   Region = "bangkok"
)

// RegionInfo names a Region.
type RegionInfo struct {
	ID            Region
	Thai, English string
}

// ProvinceInfo is one row of the gazetteer.
type ProvinceInfo struct {
	Name Province
	// ISO is the ISO 3166-2 code (TH-NN, NN = the Interior Ministry code).
	ISO string
	// English is the Debian iso-codes spelling; EnglishAliases are other
	// romanisations (Chumporn, Korat) matched case-insensitively.
	English        string
	EnglishAliases []string
	// Aliases are Thai short forms, nicknames and common misspellings.
	// Ambiguous ones (เมืองนคร) are not here: Extract resolves them from
	// context.
	Aliases []string
	// Region is the NSO region; Region6 the Royal Institute's six-region
	// group: "north", "northeast", "central", "east", "west" or "south".
	Region       Region
	Region6      string
	HealthRegion int // เขตสุขภาพที่ 1-13 (MOPH, since fiscal 2556)
}

// provinceTable is the gazetteer, in ISO order. Written by us from
// DOMAIN.md §3.1; a test cross-checks codes and English names against
// Debian iso-codes when it is installed.
var provinceTable = []ProvinceInfo{
	{"กรุงเทพมหานคร", "TH-10", "Krung Thep Maha Nakhon", []string{"Bangkok", "BKK", "Krung Thep"}, []string{"กทม.", "กทม", "กรุงเทพฯ", "กรุงเทพ", "กรุงเทพมหานครฯ"}, RegionBangkok, "central", 13},
	{"สมุทรปราการ", "TH-11", "Samut Prakan", []string{"Samutprakan", "Samut Prakarn"}, []string{"ปากน้ำ"}, RegionCentral, "central", 6},
	{"นนทบุรี", "TH-12", "Nonthaburi", []string{"Nontaburi"}, []string{"เมืองนนท์"}, RegionCentral, "central", 4},
	{"ปทุมธานี", "TH-13", "Pathum Thani", []string{"Pathumthani"}, []string{"ปทุมฯ"}, RegionCentral, "central", 4},
	{"พระนครศรีอยุธยา", "TH-14", "Phra Nakhon Si Ayutthaya", []string{"Ayutthaya", "Ayudhya", "Phranakhon Si Ayutthaya"}, []string{"อยุธยา", "กรุงเก่า"}, RegionCentral, "central", 4},
	{"อ่างทอง", "TH-15", "Ang Thong", []string{"Angthong"}, nil, RegionCentral, "central", 4},
	{"ลพบุรี", "TH-16", "Lop Buri", []string{"Lopburi"}, nil, RegionCentral, "central", 4},
	{"สิงห์บุรี", "TH-17", "Sing Buri", []string{"Singburi"}, nil, RegionCentral, "central", 4},
	{"ชัยนาท", "TH-18", "Chai Nat", []string{"Chainat"}, nil, RegionCentral, "central", 3},
	{"สระบุรี", "TH-19", "Saraburi", nil, nil, RegionCentral, "central", 4},
	{"ชลบุรี", "TH-20", "Chon Buri", []string{"Chonburi"}, nil, RegionCentral, "east", 6},
	{"ระยอง", "TH-21", "Rayong", nil, nil, RegionCentral, "east", 6},
	{"จันทบุรี", "TH-22", "Chanthaburi", []string{"Chantaburi", "Chanthaburi"}, []string{"เมืองจันท์"}, RegionCentral, "east", 6},
	{"ตราด", "TH-23", "Trat", []string{"Trad"}, nil, RegionCentral, "east", 6},
	{"ฉะเชิงเทรา", "TH-24", "Chachoengsao", []string{"Chachoengsau"}, []string{"แปดริ้ว"}, RegionCentral, "east", 6},
	{"ปราจีนบุรี", "TH-25", "Prachin Buri", []string{"Prachinburi"}, []string{"ปราจีนฯ"}, RegionCentral, "east", 6},
	{"นครนายก", "TH-26", "Nakhon Nayok", []string{"Nakhonnayok"}, nil, RegionCentral, "central", 4},
	{"สระแก้ว", "TH-27", "Sa Kaeo", []string{"Sakaeo", "Sa Kaew", "Srakaew"}, nil, RegionCentral, "east", 6},
	{"นครราชสีมา", "TH-30", "Nakhon Ratchasima", []string{"Korat", "Khorat", "Nakhonratchasima"}, []string{"โคราช", "เมืองย่าโม", "นครราชสีมาฯ"}, RegionNortheast, "northeast", 9},
	{"บุรีรัมย์", "TH-31", "Buri Ram", []string{"Buriram"}, nil, RegionNortheast, "northeast", 9},
	{"สุรินทร์", "TH-32", "Surin", nil, nil, RegionNortheast, "northeast", 9},
	{"ศรีสะเกษ", "TH-33", "Si Sa Ket", []string{"Sisaket", "Srisaket", "Si Saket"}, []string{"ศรีษะเกษ", "ศรีสระเกษ"}, RegionNortheast, "northeast", 10},
	{"อุบลราชธานี", "TH-34", "Ubon Ratchathani", []string{"Ubon", "Ubonratchathani"}, []string{"อุบลฯ"}, RegionNortheast, "northeast", 10},
	{"ยโสธร", "TH-35", "Yasothon", nil, nil, RegionNortheast, "northeast", 10},
	{"ชัยภูมิ", "TH-36", "Chaiyaphum", nil, nil, RegionNortheast, "northeast", 9},
	{"อำนาจเจริญ", "TH-37", "Amnat Charoen", []string{"Amnatcharoen"}, nil, RegionNortheast, "northeast", 10},
	{"บึงกาฬ", "TH-38", "Bueng Kan", []string{"Buengkan", "Bung Kan"}, nil, RegionNortheast, "northeast", 8},
	{"หนองบัวลำภู", "TH-39", "Nong Bua Lam Phu", []string{"Nongbualamphu"}, []string{"หนองบัวลำพู", "หนองบัวฯ"}, RegionNortheast, "northeast", 8},
	{"ขอนแก่น", "TH-40", "Khon Kaen", []string{"Khonkaen"}, nil, RegionNortheast, "northeast", 7},
	{"อุดรธานี", "TH-41", "Udon Thani", []string{"Udonthani", "Udon"}, []string{"อุดรฯ"}, RegionNortheast, "northeast", 8},
	{"เลย", "TH-42", "Loei", nil, nil, RegionNortheast, "northeast", 8},
	{"หนองคาย", "TH-43", "Nong Khai", []string{"Nongkhai"}, nil, RegionNortheast, "northeast", 8},
	{"มหาสารคาม", "TH-44", "Maha Sarakham", []string{"Mahasarakham", "Sarakham"}, []string{"ตักสิลานคร"}, RegionNortheast, "northeast", 7},
	{"ร้อยเอ็ด", "TH-45", "Roi Et", []string{"Roiet", "Roi-Et"}, []string{"สาเกตนคร"}, RegionNortheast, "northeast", 7},
	{"กาฬสินธุ์", "TH-46", "Kalasin", nil, nil, RegionNortheast, "northeast", 7},
	{"สกลนคร", "TH-47", "Sakon Nakhon", []string{"Sakonnakhon"}, nil, RegionNortheast, "northeast", 8},
	{"นครพนม", "TH-48", "Nakhon Phanom", []string{"Nakhonphanom"}, nil, RegionNortheast, "northeast", 8},
	{"มุกดาหาร", "TH-49", "Mukdahan", nil, nil, RegionNortheast, "northeast", 10},
	{"เชียงใหม่", "TH-50", "Chiang Mai", []string{"Chiangmai"}, []string{"นครพิงค์"}, RegionNorth, "north", 1},
	{"ลำพูน", "TH-51", "Lamphun", []string{"Lampoon"}, []string{"หริภุญชัย"}, RegionNorth, "north", 1},
	{"ลำปาง", "TH-52", "Lampang", nil, []string{"เขลางค์นคร", "เมืองรถม้า"}, RegionNorth, "north", 1},
	{"อุตรดิตถ์", "TH-53", "Uttaradit", nil, nil, RegionNorth, "north", 2},
	{"แพร่", "TH-54", "Phrae", []string{"Prae"}, nil, RegionNorth, "north", 1},
	{"น่าน", "TH-55", "Nan", []string{"Nan Province"}, nil, RegionNorth, "north", 1},
	{"พะเยา", "TH-56", "Phayao", nil, nil, RegionNorth, "north", 1},
	{"เชียงราย", "TH-57", "Chiang Rai", []string{"Chiangrai"}, nil, RegionNorth, "north", 1},
	{"แม่ฮ่องสอน", "TH-58", "Mae Hong Son", []string{"Maehongson"}, []string{"เมืองสามหมอก"}, RegionNorth, "north", 1},
	{"นครสวรรค์", "TH-60", "Nakhon Sawan", []string{"Nakhonsawan"}, []string{"ปากน้ำโพ"}, RegionNorth, "central", 3},
	{"อุทัยธานี", "TH-61", "Uthai Thani", []string{"Uthaithani"}, nil, RegionNorth, "central", 3},
	{"กำแพงเพชร", "TH-62", "Kamphaeng Phet", []string{"Kamphaengphet", "Kampaengpetch"}, []string{"กำแพงฯ"}, RegionNorth, "central", 3},
	{"ตาก", "TH-63", "Tak", nil, nil, RegionNorth, "west", 2},
	{"สุโขทัย", "TH-64", "Sukhothai", nil, nil, RegionNorth, "central", 2},
	{"พิษณุโลก", "TH-65", "Phitsanulok", []string{"Pitsanulok"}, []string{"เมืองสองแคว"}, RegionNorth, "central", 2},
	{"พิจิตร", "TH-66", "Phichit", []string{"Pichit"}, nil, RegionNorth, "central", 3},
	{"เพชรบูรณ์", "TH-67", "Phetchabun", []string{"Petchabun"}, nil, RegionNorth, "central", 2},
	{"ราชบุรี", "TH-70", "Ratchaburi", []string{"Rajaburi"}, nil, RegionCentral, "west", 5},
	{"กาญจนบุรี", "TH-71", "Kanchanaburi", nil, []string{"เมืองกาญจน์"}, RegionCentral, "west", 5},
	{"สุพรรณบุรี", "TH-72", "Suphan Buri", []string{"Suphanburi"}, []string{"สุพรรณฯ"}, RegionCentral, "central", 5},
	{"นครปฐม", "TH-73", "Nakhon Pathom", []string{"Nakhonpathom"}, nil, RegionCentral, "central", 5},
	{"สมุทรสาคร", "TH-74", "Samut Sakhon", []string{"Samutsakhon"}, []string{"มหาชัย"}, RegionCentral, "central", 5},
	{"สมุทรสงคราม", "TH-75", "Samut Songkhram", []string{"Samutsongkhram"}, []string{"แม่กลอง"}, RegionCentral, "central", 5},
	{"เพชรบุรี", "TH-76", "Phetchaburi", []string{"Petchaburi", "Phetburi"}, []string{"เมืองเพชร"}, RegionCentral, "west", 5},
	{"ประจวบคีรีขันธ์", "TH-77", "Prachuap Khiri Khan", []string{"Prachuap", "Prachuapkhirikhan"}, []string{"ประจวบฯ"}, RegionCentral, "west", 5},
	{"นครศรีธรรมราช", "TH-80", "Nakhon Si Thammarat", []string{"Nakhonsithammarat", "Nakhonsrithammarat", "Nakhon Sri Thammarat", "Nakorn Sri Thammarat"}, []string{"นครศรีฯ", "นครศรี", "เมืองคอน", "คนคอน", "นครฯ"}, RegionSouth, "south", 11},
	{"กระบี่", "TH-81", "Krabi", nil, nil, RegionSouth, "south", 11},
	{"พังงา", "TH-82", "Phangnga", []string{"Phang Nga", "Pang Nga"}, nil, RegionSouth, "south", 11},
	{"ภูเก็ต", "TH-83", "Phuket", nil, []string{"ไข่มุกอันดามัน"}, RegionSouth, "south", 11},
	{"สุราษฎร์ธานี", "TH-84", "Surat Thani", []string{"Suratthani"}, []string{"สุราษฎร์ฯ", "สุราษฏร์ธานี", "สุราษฏร์ฯ", "สุราษฎร์", "สุราษฏร์"}, RegionSouth, "south", 11},
	{"ระนอง", "TH-85", "Ranong", nil, nil, RegionSouth, "south", 11},
	{"ชุมพร", "TH-86", "Chumphon", []string{"Chumporn", "Chumpon"}, []string{"เมืองอุทุมพร", "อุทุมพร", "ปากใต้", "ประตูสู่ภาคใต้", "ประตูภาคใต้"}, RegionSouth, "south", 11},
	{"สงขลา", "TH-90", "Songkhla", []string{"Songkla"}, nil, RegionSouth, "south", 12},
	{"สตูล", "TH-91", "Satun", nil, nil, RegionSouth, "south", 12},
	{"ตรัง", "TH-92", "Trang", nil, nil, RegionSouth, "south", 12},
	{"พัทลุง", "TH-93", "Phatthalung", []string{"Patthalung", "Phatthalung"}, nil, RegionSouth, "south", 12},
	{"ปัตตานี", "TH-94", "Pattani", nil, nil, RegionSouth, "south", 12},
	{"ยะลา", "TH-95", "Yala", nil, nil, RegionSouth, "south", 12},
	{"นราธิวาส", "TH-96", "Narathiwat", nil, nil, RegionSouth, "south", 12},
}

// abbrTable is the official two-letter province abbreviations (อักษรย่อ),
// used only right after จ. or glued to an organisation acronym (คจ.สจ.รอ.):
// most collide with common abbreviations (นพ. doctor, อย. FDA, สส. MP).
var abbrTable = map[string]Province{
	"กบ": "กระบี่", "กท": "กรุงเทพมหานคร", "กจ": "กาญจนบุรี", "กส": "กาฬสินธุ์", "กพ": "กำแพงเพชร",
	"ขก": "ขอนแก่น", "จบ": "จันทบุรี", "ฉช": "ฉะเชิงเทรา", "ชบ": "ชลบุรี", "ชน": "ชัยนาท", "ชย": "ชัยภูมิ",
	"ชพ": "ชุมพร", "ชร": "เชียงราย", "ชม": "เชียงใหม่", "ตง": "ตรัง", "ตร": "ตราด", "ตก": "ตาก",
	"นย": "นครนายก", "นฐ": "นครปฐม", "นพ": "นครพนม", "นม": "นครราชสีมา", "นศ": "นครศรีธรรมราช",
	"นว": "นครสวรรค์", "นบ": "นนทบุรี", "นธ": "นราธิวาส", "นน": "น่าน", "บก": "บึงกาฬ", "บร": "บุรีรัมย์",
	"ปท": "ปทุมธานี", "ปข": "ประจวบคีรีขันธ์", "ปจ": "ปราจีนบุรี", "ปน": "ปัตตานี", "อย": "พระนครศรีอยุธยา",
	"พย": "พะเยา", "พง": "พังงา", "พท": "พัทลุง", "พจ": "พิจิตร", "พล": "พิษณุโลก", "พบ": "เพชรบุรี",
	"พช": "เพชรบูรณ์", "พร": "แพร่", "ภก": "ภูเก็ต", "มค": "มหาสารคาม", "มห": "มุกดาหาร", "มส": "แม่ฮ่องสอน",
	"ยส": "ยโสธร", "ยล": "ยะลา", "รอ": "ร้อยเอ็ด", "รน": "ระนอง", "รย": "ระยอง", "รบ": "ราชบุรี",
	"ลบ": "ลพบุรี", "ลป": "ลำปาง", "ลพ": "ลำพูน", "ลย": "เลย", "ศก": "ศรีสะเกษ", "สน": "สกลนคร",
	"สข": "สงขลา", "สต": "สตูล", "สป": "สมุทรปราการ", "สส": "สมุทรสงคราม", "สค": "สมุทรสาคร",
	"สก": "สระแก้ว", "สบ": "สระบุรี", "สห": "สิงห์บุรี", "สท": "สุโขทัย", "สพ": "สุพรรณบุรี",
	"สฎ": "สุราษฎร์ธานี", "สร": "สุรินทร์", "นค": "หนองคาย", "นภ": "หนองบัวลำภู", "อท": "อ่างทอง",
	"อจ": "อำนาจเจริญ", "อด": "อุดรธานี", "อต": "อุตรดิตถ์", "อน": "อุทัยธานี", "อบ": "อุบลราชธานี",
}

var regionTable = []RegionInfo{
	{RegionNorth, "ภาคเหนือ", "North"},
	{RegionNortheast, "ภาคตะวันออกเฉียงเหนือ", "Northeast"},
	{RegionCentral, "ภาคกลาง", "Central"},
	{RegionSouth, "ภาคใต้", "South"},
	{RegionBangkok, "กรุงเทพมหานคร", "Bangkok"},
}

// subRegion is a named group of provinces that is not itself a province
// (ล้านนา, ภาคเหนือตอนล่าง, ชายแดนใต้). Its provinces join the mentioned set.
type subRegion struct {
	names     []string
	provinces []Province
}

var subRegionTable = []subRegion{
	{[]string{"ล้านนา", "ภาคเหนือตอนบน"}, []Province{"เชียงใหม่", "เชียงราย", "ลำปาง", "ลำพูน", "แม่ฮ่องสอน", "น่าน", "พะเยา", "แพร่"}},
	{[]string{"ภาคเหนือตอนล่าง", "เหนือตอนล่าง", "สยามตอนบน"}, []Province{"กำแพงเพชร", "พิษณุโลก", "พิจิตร", "เพชรบูรณ์", "สุโขทัย", "อุตรดิตถ์", "นครสวรรค์", "อุทัยธานี", "ตาก"}},
	{[]string{"ภาคใต้ตอนบน", "ใต้ตอนบน"}, []Province{"นครศรีธรรมราช", "สุราษฎร์ธานี", "ชุมพร", "ระนอง", "พังงา", "ภูเก็ต", "กระบี่"}},
	{[]string{"ภาคใต้ตอนล่าง", "ใต้ตอนล่าง"}, []Province{"สงขลา", "สตูล", "ตรัง", "พัทลุง", "ปัตตานี", "ยะลา", "นราธิวาส"}},
	{[]string{"อันดามัน"}, []Province{"ระนอง", "พังงา", "ภูเก็ต", "กระบี่", "ตรัง", "สตูล"}},
	{[]string{"ชายแดนใต้", "ชายแดนภาคใต้", "จชต.", "จชต"}, []Province{"ปัตตานี", "ยะลา", "นราธิวาส"}},
}

// districtTable maps districts, sub-districts and towns that identify a
// province to it. Hand-written, short: places that appear in the corpus or
// are famous enough to be named without their province. Matches weigh less
// than a named province.
var districtTable = map[string]Province{
	"หาดใหญ่": "สงขลา", "สะเดา": "สงขลา", "จะนะ": "สงขลา", "เทพา": "สงขลา", "ชะแล้": "สงขลา", "สทิงพระ": "สงขลา",
	"แม่สอด": "ตาก", "อุ้มผาง": "ตาก", "แม่ระมาด": "ตาก",
	"หลังสวน": "ชุมพร", "ละแม": "ชุมพร", "นากระตาม": "ชุมพร", "หาดพันไกร": "ชุมพร", "สวนแตง": "ชุมพร", "ท่าแซะ": "ชุมพร", "ปะทิว": "ชุมพร",
	"ตากใบ": "นราธิวาส", "สุไหงโก-ลก": "นราธิวาส", "เบตง": "ยะลา",
	"ปากพนัง": "นครศรีธรรมราช", "ทุ่งสง": "นครศรีธรรมราช", "ร่อนพิบูลย์": "นครศรีธรรมราช", "ท่าศาลา": "นครศรีธรรมราช",
	"เกาะสมุย": "สุราษฎร์ธานี", "ไชยา": "สุราษฎร์ธานี", "พุนพิน": "สุราษฎร์ธานี",
	"ฝาง": "เชียงใหม่", "สันทราย": "เชียงใหม่", "แม่แตง": "เชียงใหม่", "แม่สาย": "เชียงราย", "เชียงแสน": "เชียงราย",
	"ป่าซาง": "ลำพูน", "บ้านโฮ่ง": "ลำพูน", "แม่ทา": "ลำพูน",
	"หัวหิน": "ประจวบคีรีขันธ์", "บางสะพาน": "ประจวบคีรีขันธ์", "ศรีราชา": "ชลบุรี", "พัทยา": "ชลบุรี", "มาบตาพุด": "ระยอง",
	"ด่านซ้าย": "เลย", "ภูเรือ": "เลย", "ปากช่อง": "นครราชสีมา", "วารินชำราบ": "อุบลราชธานี", "นครไทย": "พิษณุโลก",
}

type gazetteer struct {
	byName     map[Province]int // canonical → index in provinceTable
	lookup     map[string]int   // normalised lookup key → index
	byHealth   [14][]Province
	regionKeys map[string]Region
}

var gaz = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{byName: map[Province]int{}, lookup: map[string]int{}, regionKeys: map[string]Region{}}
	for i, p := range provinceTable {
		g.byName[p.Name] = i
		g.byHealth[p.HealthRegion] = append(g.byHealth[p.HealthRegion], p.Name)
		keys := []string{string(p.Name), p.ISO, p.English, strings.ReplaceAll(p.English, " ", "")}
		keys = append(keys, p.EnglishAliases...)
		keys = append(keys, p.Aliases...)
		for _, k := range keys {
			g.lookup[lookupKey(k)] = i
		}
		g.lookup[lookupKey(strings.TrimPrefix(p.ISO, "TH-"))] = i
	}
	for abbr, name := range abbrTable {
		g.lookup[lookupKey(abbr+".")] = g.byName[name]
	}
	for _, r := range regionTable {
		for _, k := range []string{string(r.ID), r.Thai, r.English, strings.TrimPrefix(r.Thai, "ภาค")} {
			g.regionKeys[lookupKey(k)] = r.ID
		}
	}
	g.regionKeys[lookupKey("อีสาน")] = RegionNortheast
	g.regionKeys[lookupKey("ภาคอีสาน")] = RegionNortheast
	g.regionKeys[lookupKey("isan")] = RegionNortheast
	g.regionKeys[lookupKey("กทม.")] = RegionBangkok
	return g
})

// lookupKey normalises a query string: Norm, lower case, no spaces, dots or
// hyphens.
func lookupKey(s string) string {
	s = strings.ToLower(Norm(strings.TrimSpace(s)))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == '\'' {
			return -1
		}
		return r
	}, s)
}

// Provinces returns the 77 provinces in ISO order. The result is a copy.
func Provinces() []ProvinceInfo {
	out := make([]ProvinceInfo, len(provinceTable))
	for i := range provinceTable {
		out[i] = provinceRow(i)
	}
	return out
}

// provinceRow returns a copy of row i that callers may change freely.
func provinceRow(i int) ProvinceInfo {
	p := provinceTable[i]
	p.EnglishAliases = slices.Clone(p.EnglishAliases)
	p.Aliases = slices.Clone(p.Aliases)
	return p
}

// LookupProvince resolves a user's or URL's province: the canonical Thai
// name, a Thai alias or nickname (นครศรีฯ, คนคอน, โคราช, กทม.), the name
// after จังหวัด/จ./จว., the English name or a variant (case-insensitive), the
// ISO code (TH-86 or 86) or the official abbreviation with its dot (ชพ.).
func LookupProvince(s string) (ProvinceInfo, bool) {
	g := gaz()
	k := lookupKey(s)
	for _, prefix := range []string{"", "จังหวัด", "จว", "จ"} {
		if prefix != "" {
			if !strings.HasPrefix(k, prefix) {
				continue
			}
			k2 := strings.TrimPrefix(k, prefix)
			if i, ok := g.lookup[k2]; ok {
				return provinceRow(i), true
			}
			continue
		}
		if i, ok := g.lookup[k]; ok {
			return provinceRow(i), true
		}
	}
	if strings.HasSuffix(k, "province") {
		return LookupProvince(strings.TrimSuffix(k, "province"))
	}
	return ProvinceInfo{}, false
}

// Info returns p's gazetteer row; ok is false for a name not in it.
func (p Province) Info() (ProvinceInfo, bool) {
	i, ok := gaz().byName[p]
	if !ok {
		return ProvinceInfo{}, false
	}
	return provinceRow(i), true
}

// HealthRegionProvinces returns the provinces of health region n (1-13).
func HealthRegionProvinces(n int) []Province {
	if n < 1 || n > 13 {
		return nil
	}
	return slices.Clone(gaz().byHealth[n])
}

// Regions returns the NSO regions plus Bangkok.
func Regions() []RegionInfo { return slices.Clone(regionTable) }

// LookupRegion resolves a region id, Thai name (with or without ภาค; อีสาน)
// or English name.
func LookupRegion(s string) (RegionInfo, bool) {
	id, ok := gaz().regionKeys[lookupKey(s)]
	if !ok {
		return RegionInfo{}, false
	}
	for _, r := range regionTable {
		if r.ID == id {
			return r, true
		}
	}
	return RegionInfo{}, false
}
