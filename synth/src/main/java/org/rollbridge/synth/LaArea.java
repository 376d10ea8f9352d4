package org.rollbridge.synth;

import static org.rollbridge.synth.Origin.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the LA is: its name, postcode districts and places, and the mix of family origins. A few LAs are described;
 * any other LA code gets the generic English area below (with its own name), so addresses stay valid postcodes.
 */
public record LaArea(String la, String name, List<Locality> localities, Map<Origin, Double> origins) {

    static LaArea of(String la) {
        return switch (la) {
            case "926" -> new LaArea(la, "Norfolk", norfolk(), mix(0.85, 0.01, 0.004, 0.035, 0.02, 0.012, 0.02,
                    0.003, 0.008, 0.003, 0.002, 0.007, 0.004, 0.006, 0.003, 0.003, 0.003, 0.004, 0.003));
            case "935" -> new LaArea(la, "Suffolk", List.of(
                    new Locality("IP1", "Ipswich", "Castle Hill"), new Locality("IP2", "Ipswich", "Chantry"),
                    new Locality("IP3", "Ipswich", "Priory Heath"), new Locality("IP4", "Ipswich", "Rushmere"),
                    new Locality("IP11", "Felixstowe", "Felixstowe"), new Locality("IP12", "Woodbridge", "Woodbridge"),
                    new Locality("IP14", "Stowmarket", "Stowmarket"), new Locality("IP28", "Bury St Edmunds", "Mildenhall"),
                    new Locality("IP32", "Bury St Edmunds", "Bury St Edmunds"), new Locality("CB9", "Haverhill", "Haverhill"),
                    new Locality("NR32", "Lowestoft", "Lowestoft"), new Locality("NR34", "Beccles", "Beccles"),
                    new Locality("CO10", "Sudbury", "Sudbury"), new Locality("IP17", "Saxmundham", "Leiston")),
                    mix(0.80, 0.01, 0.005, 0.04, 0.02, 0.015, 0.03, 0.004, 0.01, 0.004, 0.004, 0.008, 0.004, 0.008,
                            0.004, 0.004, 0.006, 0.004, 0.004));
            case "330" -> new LaArea(la, "Birmingham", List.of(
                    new Locality("B5", "Birmingham", "Digbeth"), new Locality("B8", "Birmingham", "Washwood Heath"),
                    new Locality("B10", "Birmingham", "Small Heath"), new Locality("B11", "Birmingham", "Sparkhill"),
                    new Locality("B13", "Birmingham", "Moseley"), new Locality("B17", "Birmingham", "Harborne"),
                    new Locality("B20", "Birmingham", "Handsworth"), new Locality("B23", "Birmingham", "Erdington"),
                    new Locality("B29", "Birmingham", "Selly Oak"), new Locality("B31", "Birmingham", "Northfield"),
                    new Locality("B44", "Birmingham", "Kingstanding"), new Locality("B73", "Sutton Coldfield", "Boldmere")),
                    mix(0.34, 0.01, 0.005, 0.02, 0.005, 0.02, 0.005, 0.01, 0.06, 0.20, 0.05, 0.01, 0.005, 0.03, 0.01,
                            0.04, 0.05, 0.04, 0.01));
            case "211" -> new LaArea(la, "Tower Hamlets", List.of(
                    new Locality("E1", "London", "Whitechapel"), new Locality("E2", "London", "Bethnal Green"),
                    new Locality("E3", "London", "Bow"), new Locality("E14", "London", "Poplar"),
                    new Locality("E1W", "London", "Wapping")),
                    mix(0.20, 0.01, 0.003, 0.02, 0.01, 0.02, 0.02, 0.01, 0.02, 0.03, 0.42, 0.02, 0.01, 0.03, 0.02,
                            0.06, 0.03, 0.03, 0.03));
            default -> new LaArea(la, "Local authority " + la, norfolk(), mix(0.62, 0.01, 0.004, 0.04, 0.01,
                    0.02, 0.01, 0.005, 0.04, 0.05, 0.02, 0.01, 0.006, 0.03, 0.01, 0.02, 0.02, 0.02, 0.01));
        };
    }

    private static Map<Origin, Double> mix(double... weights) {
        Origin[] all = Origin.values();
        if (weights.length != all.length) {
            throw new IllegalStateException("one weight per origin");
        }
        Map<Origin, Double> m = new EnumMap<>(Origin.class);
        for (int i = 0; i < all.length; i++) {
            m.put(all[i], weights[i]);
        }
        return m;
    }

    private static List<Locality> norfolk() {
        return List.of(
                new Locality("NR1", "Norwich", "Lakenham"), new Locality("NR2", "Norwich", "Eaton"),
                new Locality("NR3", "Norwich", "Mile Cross"), new Locality("NR4", "Norwich", "Cringleford"),
                new Locality("NR5", "Norwich", "Bowthorpe"), new Locality("NR6", "Norwich", "Hellesdon"),
                new Locality("NR7", "Norwich", "Sprowston"), new Locality("NR8", "Norwich", "Taverham"),
                new Locality("NR9", "Norwich", "Hethersett"), new Locality("NR10", "Norwich", "Horsford"),
                new Locality("NR11", "Norwich", "Aylsham"), new Locality("NR12", "Norwich", "Wroxham"),
                new Locality("NR13", "Norwich", "Blofield"), new Locality("NR14", "Norwich", "Poringland"),
                new Locality("NR15", "Norwich", "Long Stratton"), new Locality("NR16", "Norwich", "Old Buckenham"),
                new Locality("NR17", "Attleborough", "Attleborough"), new Locality("NR18", "Wymondham", "Wymondham"),
                new Locality("NR19", "Dereham", "Dereham"), new Locality("NR20", "Dereham", "Mattishall"),
                new Locality("NR21", "Fakenham", "Fakenham"), new Locality("NR25", "Holt", "Holt"),
                new Locality("NR26", "Sheringham", "Sheringham"), new Locality("NR27", "Cromer", "Cromer"),
                new Locality("NR28", "North Walsham", "North Walsham"), new Locality("NR29", "Great Yarmouth", "Martham"),
                new Locality("NR30", "Great Yarmouth", "Great Yarmouth"), new Locality("NR31", "Great Yarmouth", "Gorleston"),
                new Locality("IP20", "Harleston", "Harleston"), new Locality("IP22", "Diss", "Diss"),
                new Locality("IP24", "Thetford", "Thetford"), new Locality("IP25", "Thetford", "Watton"),
                new Locality("PE30", "King's Lynn", "King's Lynn"), new Locality("PE31", "King's Lynn", "Dersingham"),
                new Locality("PE33", "King's Lynn", "Marham"), new Locality("PE36", "Hunstanton", "Hunstanton"),
                new Locality("PE37", "Swaffham", "Swaffham"), new Locality("PE38", "Downham Market", "Downham Market"));
    }
}
