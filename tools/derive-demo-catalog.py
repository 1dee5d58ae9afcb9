#!/usr/bin/env python3
"""Derive Bazaar's compact demo catalog from the UCI Online Retail data set.

Reads
    /work/shared/data/online-retail.csv.gz (or the path given as the first argument): the UCI Online Retail
    invoice lines (Chen, Sain & Guo 2012, CC BY 4.0), columns
    InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country.

Writes (relative to the repository root, or to the directory given as the second argument)
    src/main/resources/demo/catalog.csv.gz  one row per product (StockCode), header
        stock_code,title,description,price,currency,category_slug,brand,popularity,stock,image_url
    src/main/resources/demo/categories.csv  the two-level category tree, header
        slug,name,parent_slug,description   (parents before children; top-level rows have no parent)

Run (python3, standard library only; the output is byte-for-byte reproducible):
    python3 tools/derive-demo-catalog.py
    python3 tools/derive-demo-catalog.py path/to/online-retail.csv.gz path/to/output-dir

How each column is derived
    * Only valid sale lines count: invoice not starting with "C" (cancellation), quantity > 0, unit price > 0.
      Non-product codes (postage, carriage, manual adjustments, fees, discounts, samples, gift vouchers ...)
      and non-product descriptions are excluded. Stock codes are upper-cased: the data spells a few codes both
      ways (15056n and 15056N are the same product).
    * title: the product's most common usable description (whitespace collapsed), in readable Title Case.
      Products without a usable description are skipped.
    * description: one honest sentence made from the title and the category, no invented details.
    * price: the most common unit price of the valid sale lines (ties: the lower price), 2 decimals, GBP.
    * category_slug: a leaf of the tree below, chosen by ordered keyword rules on the description (first rule
      that matches wins; products matching none land in the catch-all leaf "home-decor-other").
      Catch-all leaves are the ones whose slug ends in "-other".
    * brand: the data set has no brands, so every product is "Bazaar Home".
    * popularity: total quantity sold over the valid sale lines, less the quantity of the product's cancellation
      lines (never below 0): a bulk order later cancelled (23843, 23166) no longer makes a product a best seller.
    * stock: deterministic, grows with the square root of popularity, varied by a CRC32 of the stock code,
      capped at 500; about 3% of products (chosen by the same CRC32) are out of stock (0).
    * image_url: empty (the data set has no images).
Prints summary statistics (product count, per-category counts, catch-all share) when run.
"""

import collections
import csv
import gzip
import io
import math
import os
import re
import sys
import zlib
from decimal import ROUND_HALF_UP, Decimal

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = "/work/shared/data/online-retail.csv.gz"

CURRENCY = "GBP"
BRAND = "Bazaar Home"
MAX_STOCK = 500
OUT_OF_STOCK_PERCENT = 3

# Stock codes that are not products: postage, carriage, manual entries, bank charges, fees, discounts,
# samples, commissions, cushion pads sold only to match, bad-debt adjustments.
NON_PRODUCT_CODES = {
    "POST", "DOT", "M", "BANK CHARGES", "AMAZONFEE", "D", "S", "CRUK", "PADS", "B", "C2",
}
NON_PRODUCT_CODE_PATTERN = re.compile(r"^gift_", re.IGNORECASE)  # gift vouchers
# Descriptions of non-product lines (fees, postage ...) and stock-keeping notes ("damaged", "found", "check").
NON_PRODUCT_DESCRIPTION = re.compile(
    r"^(DOTCOM )?POSTAGE$|^(NEXT DAY )?CARRIAGE$|^MANUAL$|BANK CHARGES|AMAZON FEE|^DISCOUNT$|^SAMPLES$|COMMISSION"
    r"|GIFT VOUCHER|HIGH RESOLUTION IMAGE|PACKING CHARGE|ADJUST|^\W*(DAMAGE|FOUND\b|AMAZON|EBAY|DOTCOM\b|TEST\b"
    r"|CHECK$|STOCK CHECK|MISSING|THROWN|UNSALEABLE|WRONG|FAULTY|SMASHED|CRUSHED|MOULDY|RETURNED|SOLD AS|MIXED UP"
    r"|COUNTED|GIVEN AWAY|INCORRECT|LABEL MIX|HAD BEEN|WET\b|MAILOUT|\?)",
    re.IGNORECASE,
)

# (slug, name, description); each top-level is followed by its leaves.
CATEGORY_TREE = [
    ("home-decor", "Home Decor", "Decorative pieces, lighting, textiles and storage for every room.", [
        ("candles-and-holders", "Candles & Holders", "Candles, tea lights, T-light holders and incense."),
        ("lighting", "Lighting", "Lanterns, lamps, night lights and string lights."),
        ("signs-and-plaques", "Signs & Plaques", "Metal signs, door signs, plaques and number tiles."),
        ("wall-art-and-mirrors", "Wall Art, Frames & Mirrors", "Photo frames, prints, mirrors and boards."),
        ("clocks", "Clocks", "Wall clocks and alarm clocks."),
        ("cushions-and-textiles", "Cushions & Textiles",
         "Cushions and covers, throws, doormats, doorstops and hot water bottles."),
        ("storage-and-organisation", "Storage & Organisation",
         "Storage boxes, drawers, cabinets, baskets, hooks, hangers and knobs."),
        ("ornaments-and-decorations", "Ornaments & Decorations",
         "Hanging hearts, ornaments, garlands, wreaths and decorative pieces."),
        ("furniture", "Furniture", "Stools, pouffes, chairs, small tables and shelf units."),
        ("bath-and-body", "Bath & Body", "Bathroom accessories, wash bags, soaps, sponges, balms and scales."),
        ("home-decor-other", "More Home & Gifts",
         "Catch-all: gifts and novelties that fit no more specific category."),
    ]),
    ("kitchen-and-dining", "Kitchen & Dining", "Everything for cooking, baking, serving and storing food.", [
        ("mugs-and-cups", "Mugs, Cups & Glasses", "Mugs, cups and saucers, beakers and glasses."),
        ("baking", "Baking", "Cake cases, cake stands, cake tins, cutters and baking sets."),
        ("tableware", "Tableware", "Plates, bowls, cutlery, trays, jugs, teapots and table linen."),
        ("kitchen-textiles", "Kitchen Textiles", "Tea towels, aprons, oven gloves and tea cosies."),
        ("food-storage", "Food Storage", "Jars, tins, lunch boxes, bottles, bread bins and containers."),
        ("cookware-and-utensils", "Cookware & Utensils", "Pans, ladles, scales, timers and kitchen tools."),
    ]),
    ("bags-and-accessories", "Bags & Accessories", "Bags, purses, jewellery and everyday accessories.", [
        ("bags", "Bags", "Shopping bags, totes, lunch bags, handbags and backpacks."),
        ("purses-and-wallets", "Purses & Wallets", "Purses, wallets, card holders and passport covers."),
        ("jewellery", "Jewellery", "Necklaces, bracelets, earrings, rings, brooches and charms."),
        ("hair-accessories", "Hair Accessories", "Hair clips, slides, bands and bobbles."),
        ("personal-accessories", "Personal Accessories",
         "Umbrellas, hand warmers, key rings, rain wear, slippers, tissues and compact mirrors."),
    ]),
    ("stationery", "Stationery", "Cards, gift wrap, notebooks and desk supplies.", [
        ("cards", "Cards", "Greeting cards, birthday cards and postcards."),
        ("wrapping", "Gift Wrap & Bags", "Wrapping paper, gift bags, gift boxes, tags, tissue and ribbons."),
        ("notebooks-and-paper", "Notebooks & Paper", "Notebooks, sketchbooks, journals, pads and calendars."),
        ("desk-and-office", "Pens, Pencils & Desk", "Pens, pencils, erasers, stickers, stamps and magnets."),
    ]),
    ("seasonal", "Seasonal", "Decorations and gifts for the holidays.", [
        ("christmas", "Christmas", "Christmas decorations, lights, cards, crackers and advent calendars."),
        ("easter", "Easter", "Easter decorations, eggs, chicks and bunnies."),
    ]),
    ("toys-and-games", "Toys & Games", "Toys, games, puzzles and craft kits for children and grown-ups.", [
        ("toys", "Toys", "Dolls, soft toys, spinning tops, skipping ropes, marbles and outdoor toys."),
        ("games-and-puzzles", "Games & Puzzles", "Board games, playing cards, dominoes and jigsaws."),
        ("arts-and-crafts", "Arts & Crafts", "Craft kits, sewing, colouring, crayons, stencils and paint sets."),
    ]),
    ("garden", "Garden", "Plant pots, garden decor and outdoor living.", [
        ("gardening", "Gardening", "Plant pots, planters, watering cans, garden tools and markers."),
        ("garden-decor", "Garden Decor", "Bird houses and feeders, wind chimes and garden ornaments."),
        ("outdoor-living", "Outdoor Living", "Picnic sets, parasols, hammocks and beach gear."),
    ]),
    ("party-supplies", "Party Supplies", "Tableware, decorations and favours for parties.", [
        ("party-tableware", "Party Tableware", "Paper cups, plates and napkins, straws and cake candles."),
        ("party-decorations", "Party Decorations", "Bunting, banners, paper chains, lanterns and balloons."),
        ("party-favours", "Party Bags & Favours", "Party bags, favours, masks and invitations."),
    ]),
]

# Ordered keyword rules: (leaf slug, regex on the normalised upper-case description, see match_key). The first
# rule that matches wins. They run in three tiers: compound nouns that name the product outright ("HOT WATER
# BOTTLE", "GIFT BAG", "T-LIGHT HOLDER", "METAL SIGN"), then single product nouns (MUG, CLOCK, PURSE ...), then
# weak words (GARDEN, KITCHEN, HEART, STAR, BIRD ...) that hint at a range without naming the product.
RULES = [
    # Tier 1: seasonal ranges, then compound nouns.
    ("christmas", r"CHRISTMAS|XMAS|ADVENT|SANTA|REINDEER|SNOW ?FLAKES?|SNOWMAN|SNOWMEN|BAUBLES?|NATIVITY|"
                  r"\bNOEL\b|CRACKERS?\b|\bSTOCKINGS?\b|TREE TOP|MISTLETOE|\bELF\b|PANN?ETT?ONE|TINSEL|ICICLE|"
                  r"YULETIDE|\bSLEIGH|POINSETTIA|JINGLE BELLS|RUDOLPH"),
    ("tableware", r"EGG CUPS?\b|EGG COSY|EGG WARMER"),
    ("cookware-and-utensils", r"FRYING PAN"),
    ("easter", r"EASTER|\bCHICKS?\b|\bEGGS?\b"),
    ("cushions-and-textiles", r"HOT WATER BOTTLE|FILLER PAD|CUSHION|DOORMAT|DOOR ?STOP"),
    ("signs-and-plaques", r"\bSIGNS?\b|DOORSIGN|PLAQUES?|NUMBER TILE|LETTER TILE|DOOR NUMBER|HOUSE NUMBER|"
                          r"\bWOOD(EN)? (BLOCK )?LETTERS|PAINTED LETTERS|BLOCK WORD"),
    ("personal-accessories", r"KEY ?RINGS?|KEY ?CHAINS?|KEY ?FOB|FIRST AID"),
    ("bags", r"JUMBO (BAG|SHOPPER|STORAGE BAG)|LUNCH BAG|SHOPPER|TOTE BAG|SHOULDER BAG|HANDBAG|CHARLOTTE BAG|"
             r"PICNIC BAG"),
    ("bath-and-body", r"WASH ?BAG|COSMETIC BAG|BATHROOM|\bBATH\b|\bSOAP|\bBALM\b|LIP GLOSS|TOILET|TOOTHBRUSH|"
                      r"SHOWER|TOILETRY|MANICURE|NAIL|PERFUME|\bSPONGE|VANITY|\bSPA\b|LOTION|PLASTERS"),
    ("toys", r"\bTOYS?\b|\bDOLLS?\b|TEDDY|PUPPET|PLAYHOUSE|SPINNING TOPS?|SKIPPING|MARBLES|ROCKING HORSE"),
    ("desk-and-office", r"\bMAGNETS?\b|PAPERWEIGHT|P WEIGHT|\bPENS?\b|PENCILS?\b"),
    ("tableware", r"NAPKIN (RINGS?|CHARMS?|BOX)|COTTON NAPKINS|CHOPSTICKS|CUTLERY|TEA SET|CHARGER"),
    ("food-storage", r"LUNCH BOX|FOOD COVER|CANN?ISTER"),
    ("party-favours", r"PARTY BAGS?|\bFAVOU?RS?\b|INVIT|PARTY HATS?|\bMASKS?\b|PINATA|TATTOOS|TIARAS?|GRASS SKIRT|"
                      r"SOMBRERO"),
    ("party-tableware", r"PAPER CUPS?|PAPER PLATES?|PARTY CUPS?|PARTY PLATES?|\bSTRAWS?\b|CAKE CANDLES?|"
                        r"BIRTHDAY CANDLES?|PARTY CANDLES|CELEBRATION CANDLES|NAPKINS|CAKE PICKS|PARTY PICKS|"
                        r"PARTY CONES"),
    ("party-decorations", r"BUNTING|BANNER|BALLOONS?|CONFETTI|PAPER CHAIN|PAPER LANTERNS?|POM ?POMS?|"
                          r"HONEYCOMB|\bFLAGS?\b|PENNANT|WINDSOCK"),
    ("jewellery", r"NECKL|BRACELET|BRACLET|EARRINGS?|PENDANT|BROOCH|BANGLE|ANKLET|CHOKER|LARIAT"),
    ("kitchen-textiles", r"TEA TOWELS?|\bAPRONS?\b|OVEN GLOVES?|OVEN MITTS?|(?<!PLANT )POT HOLDERS?|TEA COSY|"
                         r"WASHING UP GLOVES|\bFLANNEL\b|DISH ?CLOTH|\bTOWELS?\b"),
    ("baking", r"CAKE CASES?|BAKING CASES|PETIT FOUR CASES|CAKE ?STANDS?|BAKING|BISCUIT CUTTERS?|"
               r"COOKIE CUTTERS?|CAKE TINS?|CAKE MOULDS?|PASTRY|ICING|MEASURING|ROLLING PIN|CAKE FORKS|"
               r"PUDDING BOWL|CAKE PLATE|CAKE DOME|CAKE SLICE|SPATULA|LOLLY (MAKERS|MOULDS)|JELLY MOULD"),
    ("candles-and-holders", r"\bTLIGHTS?\b|T LIGHTS?\b|TEA ?LIGHTS?|CANDLES?|CANDLE ?HOLDERS?|CANDLESTICKS?|"
                            r"INCENSE|VOTIVE|OIL BURNER|\bWAX\b|POT ?POURR?I|FRAGRANCE|SCENTED|DIFFUSER|CHALICE|"
                            r"MATCHES"),
    ("lighting", r"NIGHT ?LIGHTS?|\bLIGHTS?\b|\bLAMPS?\b|LAMPSHADES?|LANTERNS?|CHANDELIER|\bLED\b|TORCH"),
    ("clocks", r"CLOCKS?\b"),
    ("games-and-puzzles", r"PLAYING CARDS|\bGAMES?\b|JIGSAW|PUZZLES?|DOMINO|SNAKES AND|LUDO|CHESS|DARTS|BINGO|"
                          r"\bQUIZ\b|\bDICE\b|NOUGHTS|NAUGHTS|SKITTLES|ROUNDERS|QUOITS|BOULES|\bCROQUET|"
                          r"HEADS AND TAILS"),
    ("purses-and-wallets", r"PURSES?\b|WALLETS?|CARD ?HOLDERS?|PASSPORT|\bCOIN|LUGGAGE TAGS?|MONEY CLIP"),
    ("cards", r"\bCARDS?\b|POSTCARDS?|GREETING"),
    ("gardening", r"PLANT POTS?|FLOWER ?POTS?|PLANTERS?|WATERING CAN|WINDOW BOX|HANGING BASKET|\bSEEDS?\b|"
                  r"GARDEN(ING)? (MARKER|TOOLS?|GLOVES?|KNEELER|TROWEL|FORK)|TROWEL|KNEELING|KNEELER|SECATEURS|"
                  r"\bRAKE\b|HERB MARKER|GROW YOUR OWN|POTTING|PLANT HOLDER|PLANT LADDER|BIRD ?CAGE PLANT"),
    ("garden-decor", r"BIRD ?HOUSE|BIRD ?FEEDER|BIRD ?TABLE|BIRD ?BATH|WIND ?CHIMES?|\bCHIMES?\b|GNOME|"
                     r"GARDEN ORNAMENT|THERMOMETER|WEATHERVANE|WINDMILL|DOVECOTE"),
    ("furniture", r"\bSTOOLS?\b|POUFFE|\bCHAIRS?\b|LOVE SEAT|\bBENCH|PARTITION|TRAY TABLE|\bTABLE RECT|"
                  r"ROUND TABLE|SIDE TABLE|COFFEE TABLE|NEWSPAPER STAND|\bSOFA|FOOTSTOOL|SHELF UNIT"),
    # Tier 2: single product nouns.
    ("hair-accessories", r"\bHAIR|HAIRBAND|HAIRCLIP|HAIRSLIDE|\bSLIDES?\b|ALICE BAND|BOBBLES?\b|SCRUNCHIE"),
    ("wrapping", r"\bWRAP\b|WRAPPING|GIFT BAGS?|GIFT TAGS?|GIFT BOX|TISSUE|RIBBONS?\b|CELLOPHANE|GIFT ?WRAP|"
                 r"\bTAGS?\b|ROSETTE"),
    ("jewellery", r"\bRINGS?\b(?! OF)|\bCHARMS?\b(?! BRACELET)|JEWELLERY|JEWELRY"),
    ("personal-accessories", r"UMBRELLA|HAND WARMER|RAIN (HAT|PONCHO|MAC|COAT)|PONCHO|COMPACT MIRROR|"
                             r"POCKET MIRROR|SUNGLASSES|SCARF|\bHATS?\b|BADGES?|\bFAN\b|HANKIE|HANDKERCHIEF|"
                             r"TISSUES\b|TISSUE BOX|HEADPHONES|EAR MUFF|SLIPPER|\bSOCKS?\b|\bSHOES\b|\bBIB\b|"
                             r"GLASSES CASE|MIRROR COMPACT"),
    ("arts-and-crafts", r"FELTCRAFT|CRAFT|KNITTING|SEWING|\bKIT\b|COLOURING|CRAYONS?|PAINT SET|PAINTING|STENCIL|"
                        r"ORIGAMI|EMBROIDERY|SEQUINS|BUTTONS|CHALK\b|DRAWING|DECOUPAGE|"
                        r"COLOUR YOUR OWN|MODELLING|IRON ON|PATCHES|NEEDLE"),
    ("toys", r"\bKITE\b|YO ?YO|STRESS BALL|BOUNCING|FLYING DISC|WATER PISTOL|BUBBLES|SOLDIER|"
             r"WIND ?UP|JACK IN|RACING CAR|RATTLE|BUILDING BLOCK|BEACH SPADE|BUCKET AND SPADE|\bSPADE\b|"
             r"MAGIC DRAWING|SLATE PEN|KALEIDOSCOPE|HELICOPTER|AEROPLANE|GLIDER|\bTRAINS?\b|"
             r"INFLATABLE|GLOW IN|FARM ANIMAL|CREEPY CRAWL|PIECE (DINOSAUR|SNAKE)|WHEELBARROW|SPACE CADET|NINJA"),
    ("bags", r"\bBAGS?\b|\bTOTES?\b|BACKPACK|RUCKSACK|SATCHEL|HOLDALL|BASKET BAG"),
    ("mugs-and-cups", r"\bMUGS?\b|\bCUPS?\b(?! HOOK)|SAUCERS?|TEACUPS?|BEAKERS?|TUMBLERS?|WINE GLASS|"
                      r"DRINKING GLASS|SHOT GLASS|TEA GLASS|\bFLUTES?\b|GOBLET|APERITIF|CHAMPAGNE|MILKSHAKE|"
                      r"D O F GLASS|TEA FOR ONE|COFFEE SET"),
    ("food-storage", r"SNACK BOX|BREAD BIN|\bJARS?\b|\bTINS?\b|CONTAINER|WATER BOTTLE|\bBOTTLES?\b|BISCUIT|"
                     r"JAM MAKING|KILNER|SPICE|SUGAR DISPENSER|\bCADDY|POPCORN|SWEETIE|LARDER"),
    ("cookware-and-utensils", r"\bPANS?\b|LADLE|SCALES|TIMER|COLANDER|CHOPPING BOARD|TONGS|WHISK|GRATER|"
                              r"\bSIEVE|CASSEROLE|TOAST ?RACK|SQUEEZER|CORKSCREW|BOTTLE OPENER|UTENSIL|"
                              r"PESTLE|SALT|PEPPER|\bGRINDER|TRIVET|SPOON REST|COOKING SET"),
    ("tableware", r"\bPLATES?\b|\bPLATTER|\bBOWLS?\b|FRUITBOWL|\bDISH(ES)?\b|\bTRAYS?\b|PLACE ?MATS?|"
                  r"PLACE SETTING|COASTERS?|\bJUGS?\b|TEAPOT|TEA ?POT|TABLE ?CLOTH|DOILIES|DOILY|SPOONS?\b|"
                  r"\bFORKS?\b|KNIFE|KNIVES|\bBUTTER\b|SERVING|CHEESE|CAKE|SUGAR|CREAMER|DECANTER|CARAFE|"
                  r"TEA STRAINER|TEA INFUSER|CONDIMENT|TABLE RUNNER|COCKTAIL|\bBASIN|\bLID\b"),
    ("outdoor-living", r"PICNIC|PARASOL|HAMMOCK|DECKCHAIR|DECK CHAIR|\bBEACH|BBQ|BARBECUE|CAMPING|OUTDOOR|"
                       r"WINDBREAK|SANDCASTLE"),
    ("desk-and-office", r"ERASERS?|\bRUBBERS?\b|SHARPENER|RULER|STICKERS?|\bSTAMPS?\b|\bOFFICE|\bTAPES?\b|"
                        r"PAPER ?CLIPS?|BOOKMARKS?|\bDESK|CALCULATOR|PENCIL CASE|MEMO ?BOARD|BOOKEND|STAPLER|"
                        r"\bINK\b|HIGHLIGHTER|MARKER|SCISSORS?|HOLE PUNCH|BOOKCOVER"),
    ("notebooks-and-paper", r"NOTE ?BOOKS?|NOTEPAD|SKETCH ?BOOK|JOURNAL|DIARY|ADDRESS BOOK|CALENDAR|"
                            r"\bMEMO\b|ENVELOPES?|WRITING SET|STATIONERY|\bPAPER\b|EXERCISE BOOK|POCKET BOOK|"
                            r"PHOTO ALBUM|\bALBUM|RECIPE|SHOPPING LIST|\bPADS?\b|SCRAP ?BOOK"),
    ("wall-art-and-mirrors", r"PHOTO|\bFRAMES?\b|MIRRORS?|MIRRORED|WALL ART|PICTURE|\bPRINTS?\b|CANVAS|"
                             r"CHALKBOARD|BLACKBOARD|NOTICE BOARD|\bBOARD\b|WALL STICKER|POSTER|TAPESTRY|"
                             r"WALL HANGING|CLOCHE|\bBELL JAR"),
    ("cushions-and-textiles", r"\bTHROWS?\b|BLANKET|QUILT|DOOR MAT|CURTAIN|BEDSPREAD|PILLOW|\bRUG\b|\bMATS?\b|"
                              r"BEAN ?BAG|DRAUGHT EXCLUDER|LAUNDRY|PEG BAG"),
    ("storage-and-organisation", r"STORAGE|DRAWERS?\b|DRAWER ?KNOBS?|CUPBOARD|CABINET|BASKETS?\b|TRINKET|"
                                 r"\bHOOKS?\b|HANGERS?\b|COAT RACK|\bRACK\b|\bKNOBS?\b|\bTIDY\b|SHELF|SHELVES|"
                                 r"\bBOX(ES)?\b|CHEST|MONEY BANK|MONEY BOX|PIGGY|\bCRATE|\bBUCKET|\bTRUG|\bBIN\b|"
                                 r"MAGAZINE|ORGANISER|\bCASES?\b|\bTUBS?\b|HAMPER|\bPEGS?\b|HOLDER|CLIPS?\b"),
    # Tier 3: weak words that hint at a range.
    ("jewellery", r"\bBEADS?\b|DIAMANTE|\bCHAIN\b"),
    ("party-decorations", r"PARTY|GARLAND"),
    ("cookware-and-utensils", r"KITCHEN"),
    ("food-storage", r"\bPANTRY"),
    ("gardening", r"GARDEN|\bPLANT\b|\bPOTS?\b"),
    ("garden-decor", r"TOADSTOOL|\bSTAKE\b"),
    ("tableware", r"DINNER|BREAKFAST"),
    ("wall-art-and-mirrors", r"\bTILES?\b"),
    ("ornaments-and-decorations", r"DECORATIONS?|DECORATIVE|ORNAMENTS?|HANGING|WREATH|MOBILE|FIGURINE|"
                                  r"\bVASE|BELLS?\b|\bHEARTS?\b|\bSTARS?\b|BIRDS?\b|BUTTERFL|FLOWERS?\b|ROSES?\b|"
                                  r"\bBUNCH\b|ARTIFICIAL|FEATHER|STATUE|SCULPTURE|SNOW ?GLOBE|\bANGEL|"
                                  r"WIND SPINNER|DREAMCATCHER|SPINNING|\bBALLS?\b|CRYSTAL|\bGLOBE|FAIRY|"
                                  r"PEBBLES|\bSHELLS?\b|DRIFTWOOD|HOUSE|DOOR|WALL|MUSHROOM|FLYING DUCKS|"
                                  r"\bBUNN(Y|IES)\b|RABBITS?\b|\bHEN\b|GEISHA|BUDDHA|VALENTINE"),
]
CATCH_ALL = "home-decor-other"

_COMPILED = [(slug, re.compile(pattern)) for slug, pattern in RULES]

# Title Case helpers.
SMALL_WORDS = {"A", "AN", "AND", "AS", "AT", "BY", "FOR", "FROM", "IN", "OF", "ON", "OR", "THE", "TO", "WITH", "W"}
UPPER_WORDS = {"LED", "USB", "UK", "USA", "DIY", "DVD", "CD", "PVC", "ABC", "II", "III", "IV", "B&W", "3D", "A4",
               "A5", "A6", "RSVP", "XL", "XXL", "S/3", "S/4", "S/6", "S/2", "S/5", "S/8", "S/10", "S/12", "S/15",
               "S/16", "S/20", "S/24", "S/36", "S/40", "S/50", "S/60", "S/100"}
SPECIAL_WORDS = {"IPOD": "iPod", "IPHONE": "iPhone", "IPAD": "iPad", "MCKINTOSH": "McKintosh"}


def _case_piece(piece, small_allowed):
    """One alphanumeric run: acronyms kept, measurements lower case, small words lower case where allowed."""
    if not piece:
        return piece
    if piece in SPECIAL_WORDS:
        return SPECIAL_WORDS[piece]
    if piece in UPPER_WORDS:
        return piece
    if piece[0].isdigit():
        return piece.lower()  # 125G -> 125g, 40X40CM -> 40x40cm, 12PC -> 12pc
    if small_allowed and (piece in SMALL_WORDS or piece in {"CM", "MM", "ML", "KG"}):
        return piece.lower()
    return piece[0] + piece[1:].lower()


def title_case(text):
    """'WHITE HANGING HEART T-LIGHT HOLDER' -> 'White Hanging Heart T-Light Holder'."""
    text = re.sub(r"\s*,\s*(?=[A-Za-z])", ", ", text.upper())  # "TEA,COFFEE" / "HOOK ,MAGIC" -> ", "
    text = re.sub(r"\s+,", ",", text).strip(" ,")
    words = text.split()
    out = []
    for index, word in enumerate(words):
        if word in UPPER_WORDS or word in SPECIAL_WORDS:
            out.append(SPECIAL_WORDS.get(word, word))
            continue
        # Small words ("of", "and", "w/") are lower case only as whole words inside the title.
        small_allowed = 0 < index < len(words) - 1
        # Split on separators but keep them; apostrophes stay inside the word (CHILDREN'S -> Children's).
        parts = re.split(r"([^A-Z0-9'])", word)
        whole = re.fullmatch(r"[A-Z0-9']+", word) is not None
        cased = [
            part if re.fullmatch(r"[^A-Z0-9']", part or "x") else _case_piece(part, small_allowed and whole)
            for part in parts
        ]
        out.append("".join(cased))
    return " ".join(out)


def normalise(description):
    return " ".join(description.replace("\u00a0", " ").split()).strip(" *,.")


def usable(description):
    if len(re.findall(r"[A-Za-z]", description)) < 3:
        return False
    if description == description.lower():  # lower-case notes: "check", "damaged", "found" ...
        return False
    if description.startswith("?"):
        return False
    return not NON_PRODUCT_DESCRIPTION.search(description)


def match_key(description):
    """Upper case, T-LIGHT as one word, punctuation as spaces; "LIGHT BLUE" (a colour) is not a light."""
    text = description.upper().replace("T-LIGHT", "TLIGHT").replace("&", " AND ")
    text = " ".join(re.sub(r"[^A-Z0-9]+", " ", text).split())
    text = re.sub(r"\bLIGHT (?=BLUE|GREEN|PINK|TOPAZ|GREY|BROWN|PURPLE|YELLOW|AMETHYST|ROSE)", "PALE ", text)
    return " " + text + " "


def categorise(description):
    key = match_key(description)
    for slug, pattern in _COMPILED:
        if pattern.search(key):
            return slug
    return CATCH_ALL


def is_product_code(code):
    return code.upper() not in NON_PRODUCT_CODES and not NON_PRODUCT_CODE_PATTERN.match(code)


def stock_level(code, popularity):
    h = zlib.crc32(code.encode("utf-8"))
    if h % 100 < OUT_OF_STOCK_PERCENT:
        return 0
    spread = 0.75 + ((h >> 8) % 1000) / 2000.0  # 0.75 .. 1.25
    return max(1, min(MAX_STOCK, int(round(4 * math.sqrt(popularity) * spread))))


def read_products(source):
    descriptions = collections.defaultdict(collections.Counter)
    prices = collections.defaultdict(collections.Counter)
    quantities = collections.Counter()
    cancelled = collections.Counter()
    lines = kept = 0
    with gzip.open(source, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lines += 1
            code = row["StockCode"].strip()
            if not code or not is_product_code(code):
                continue
            if row["InvoiceNo"].startswith("C"):
                # a cancellation line: its (negative) quantity is netted out of the product's popularity
                cancelled[code.upper()] += max(0, -int(row["Quantity"]))
                continue
            quantity = int(row["Quantity"])
            price = Decimal(row["UnitPrice"])
            if quantity <= 0 or price <= 0:
                continue
            kept += 1
            code = code.upper()
            description = normalise(row["Description"])
            if usable(description):
                descriptions[code][description.upper()] += 1
            prices[code][price] += 1
            quantities[code] += quantity
    print(f"read {lines:,} invoice lines, {kept:,} valid sale lines of {len(prices):,} product codes")
    net = collections.Counter({code: max(0, sold - cancelled[code]) for code, sold in quantities.items()})
    return descriptions, prices, net


def category_rows():
    rows = []
    for slug, name, description, leaves in CATEGORY_TREE:
        rows.append((slug, name, "", description))
    for slug, _, _, leaves in CATEGORY_TREE:
        for leaf_slug, leaf_name, leaf_description in leaves:
            rows.append((leaf_slug, leaf_name, slug, leaf_description))
    return rows


def main(argv):
    source = argv[1] if len(argv) > 1 else DEFAULT_SOURCE
    out_dir = argv[2] if len(argv) > 2 else os.path.join(REPO_ROOT, "src", "main", "resources", "demo")
    os.makedirs(out_dir, exist_ok=True)

    categories = category_rows()
    names = {slug: name for slug, name, _, _ in categories}
    parents = {slug: parent for slug, _, parent, _ in categories}
    leaves = {slug for slug, _, parent, _ in categories if parent}
    assert all(slug in leaves for slug, _ in RULES) and CATCH_ALL in leaves

    descriptions, prices, quantities = read_products(source)
    products = []
    skipped = 0
    for code in sorted(prices):
        if not descriptions[code]:
            skipped += 1
            continue
        # Most common description; ties broken alphabetically so the output is reproducible.
        description = min(descriptions[code].items(), key=lambda item: (-item[1], item[0]))[0]
        price = min(prices[code].items(), key=lambda item: (-item[1], item[0]))[0]
        price = price.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if price <= 0:
            skipped += 1
            continue
        title = title_case(description)
        slug = categorise(description)
        top = parents[slug]
        sentence = f"{title} from our {names[top]} range, in {names[slug]}."
        popularity = quantities[code]
        products.append([code, title, sentence, f"{price:.2f}", CURRENCY, slug, BRAND, popularity,
                         stock_level(code, popularity), ""])

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["stock_code", "title", "description", "price", "currency", "category_slug", "brand",
                     "popularity", "stock", "image_url"])
    writer.writerows(products)
    catalog_path = os.path.join(out_dir, "catalog.csv.gz")
    with open(catalog_path, "wb") as raw:
        # mtime=0 and no file name in the header: the same input always gives the same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(buffer.getvalue().encode("utf-8"))

    categories_path = os.path.join(out_dir, "categories.csv")
    with open(categories_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["slug", "name", "parent_slug", "description"])
        writer.writerows(categories)

    counts = collections.Counter(product[5] for product in products)
    catch_all = sum(n for slug, n in counts.items() if slug.endswith("-other"))
    top_level = [slug for slug, _, parent, _ in categories if not parent]
    print(f"skipped {skipped} product codes without a usable description or price")
    print(f"products: {len(products):,}; categories: {len(categories)} ({len(top_level)} top-level, "
          f"{len(leaves)} leaves)")
    for top in top_level:
        top_count = sum(n for slug, n in counts.items() if parents[slug] == top)
        print(f"  {top:<24} {top_count:>5}")
        for slug, _, parent, _ in categories:
            if parent == top:
                print(f"    {slug:<28} {counts[slug]:>5}")
    empty = sorted(leaves - set(counts))
    if empty:
        print(f"empty leaves: {', '.join(empty)}")
    print(f"catch-all ({CATCH_ALL}): {catch_all} products, {100.0 * catch_all / len(products):.1f}%")
    print(f"out of stock: {sum(1 for p in products if p[8] == 0)}; "
          f"wrote {catalog_path} ({os.path.getsize(catalog_path):,} bytes) and {categories_path}")


if __name__ == "__main__":
    main(sys.argv)
