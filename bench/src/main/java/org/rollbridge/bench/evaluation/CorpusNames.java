package org.rollbridge.bench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The names the evaluation corpus draws from, most common first and drawn with Zipf-like frequencies (a few
 * names very common, a long tail), as in birth registrations in England and Wales. Its own lists: none are
 * shared with the synthetic LA.
 */
final class CorpusNames {

    private static final String[] GIRLS = ("Olivia Amelia Isla Ava Ivy Freya Lily Florence Mia Willow Rosie Sophia "
            + "Isabella Grace Daisy Sienna Poppy Elsie Emily Ella Evelyn Phoebe Sofia Evie Charlotte Harper Millie "
            + "Matilda Maya Sophie Alice Emilia Isabelle Ruby Luna Maisie Aria Penelope Mila Bonnie Eva Hallie Eliza "
            + "Ada Violet Esme Arabella Imogen Jessica Delilah Thea Layla Ayla Rose Nancy Hannah Aurora Eleanor "
            + "Lottie Ellie Maryam Aisha Fatima Zainab Khadija Amira Hafsa Inaya Anaya Zofia Zuzanna Julia Lena "
            + "Oliwia Alicja Niamh Aoife Saoirse Orla Leah Chloe Zara Holly Megan Lucy Erin Molly Georgia Jasmine "
            + "Scarlett Paige Lacey Tilly Edith Beatrice Mabel Iris Clara Robyn Amber Katie Abigail Rebecca Victoria "
            + "Alexandra Anastasia Natalia Elizabeth Katherine Margaret Josephine Caitlin Tegan Ffion Harriet "
            + "Isabel Annabel Amelie Lyla Nevaeh Mariam Safiya Priya Anika Simran Ishani Chiamaka Adaeze Ama "
            + "Abena Yasmin Leila Noor").split(" ");
    private static final String[] BOYS = ("Muhammad Noah Oliver George Leo Arthur Oscar Theodore Freddie Theo "
            + "Harry Archie Henry Jack Alfie Charlie Finley Jacob Thomas Lucas Edward Isaac Tommy Teddy Albie Roman "
            + "Reggie Ezra William Joshua James Hugo Jude Arlo Elijah Max Ronnie Louie Mohammed Rory Harrison "
            + "Sebastian Daniel Samuel Joseph Ethan Alexander Mason Benjamin Toby Hunter Jaxon Bobby Frankie "
            + "Stanley Dylan Adam Zachary Riley Jesse Ralph Ellis Rowan Felix Luca Ollie Louis Harvey Caleb "
            + "Michael Nathan Aaron Matthew Jayden Kai Ibrahim Yusuf Omar Ali Hamza Ayaan Zayn Musa Aleksander "
            + "Jakub Szymon Kacper Filip Mateusz Antoni Dawid Oskar Cian Oisin Conor Liam Sean Callum Connor "
            + "Jamie Lewis Kieran Bradley Tyler Reece Owen Rhys Dafydd Gethin Robert Christopher Nicholas Anthony "
            + "Jonathan Richard Andrew Dominic Patrick Arjun Rohan Aarav Vihaan Kwame Kofi Chidi Tobi Emeka Dmitri "
            + "Nikolai Ivan Mikhail").split(" ");
    private static final String[] SURNAMES = ("Smith Jones Williams Brown Taylor Davies Wilson Evans Thomas "
            + "Johnson Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis "
            + "Martin Jackson Clarke Clark Turner Hill Scott Cooper Morris Ward Moore King Watson Baker Harrison "
            + "Morgan Patel Young Allen Mitchell James Anderson Phillips Lee Bell Parker Davis Bennett Price Cook "
            + "Khan Shaw Griffiths Kelly Simpson Richardson Marshall Ali Carter Mills Collins Murphy Ahmed "
            + "Hussain Begum Rahman Islam Uddin Miah Chowdhury Akhtar Iqbal Mahmood Shah Hussein Singh Kaur Gill "
            + "Sandhu Sharma Kumar Nowak Kowalski Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski "
            + "Szymanski Wozniak Dabrowski Kozlowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski "
            + "Nowakowski Pawlowski Michalski Popescu Ionescu Popa Stan Dumitru Petrov Ivanov Okafor Okonkwo Adeyemi "
            + "Mensah Asante Boateng Owusu Nguyen Tran Chen Wang Zhang Liu Yilmaz Kaya Demir Santos Silva Ferreira "
            + "Pereira Costa Oliveira Rossi Russo Murray Campbell Stewart Reid Ross Paterson Fraser Byrne Ryan "
            + "Doyle Kennedy Gallagher Doherty Quinn Reilly Lynch Brennan Fletcher Pearson Cartwright Pickering "
            + "Ashworth Greenwood Whitehead Sutcliffe Barraclough Thistlethwaite Ackroyd Ogden Haworth Entwistle "
            + "Holroyd Brierley Dyson Lumb Pollard Crowther Firth Hirst Moorhouse Ramsden Rushworth Stansfield "
            + "Gledhill Beaumont Blackburn Catterall Duckworth Heywood Kershaw Openshaw Pilling Tattersall "
            + "Whittaker Worsley Nuttall Bradshaw Hargreaves Ainsworth Lomax Isherwood Bibby Rimmer Aspinall "
            + "Halliwell Wilde Howarth Eccles Marsden O'Brien O'Connor O'Neill McDonald McCarthy MacLeod").split(" ");

    /**
     * Names that a school and the LA each write their own way: short forms and nicknames, and transliterations
     * from Arabic, Polish, Russian and Greek. Each group's first name is the legal form.
     */
    static final List<List<String>> VARIANTS = List.of(
            List.of("Muhammad", "Mohammed", "Mohammad", "Muhammed", "Mohamed", "Mohamad"),
            List.of("Aleksander", "Alexander", "Alex", "Olek", "Aleksandr", "Sasha"),
            List.of("Alexandra", "Aleksandra", "Alex", "Sasha", "Lexi"),
            List.of("William", "Will", "Billy", "Liam"), List.of("Robert", "Rob", "Bobby", "Robbie"),
            List.of("Edward", "Ed", "Eddie", "Ted", "Teddy"), List.of("Theodore", "Theo", "Teddy", "Ted"),
            List.of("Thomas", "Tom", "Tommy", "Tomasz"), List.of("James", "Jim", "Jamie", "Jimmy"),
            List.of("Joseph", "Joe", "Joey", "Josef", "Yusuf", "Yousef"), List.of("Samuel", "Sam", "Sammy"),
            List.of("Benjamin", "Ben", "Benji"), List.of("Daniel", "Dan", "Danny", "Daniyal", "Danyal"),
            List.of("Matthew", "Matt", "Mateusz"), List.of("Michael", "Mike", "Mikey", "Michal", "Mikhail"),
            List.of("Nicholas", "Nick", "Nicky", "Mikolaj", "Nikolai"), List.of("Christopher", "Chris", "Kit"),
            List.of("Anthony", "Tony", "Antoni"), List.of("Jonathan", "Jon", "Jonny"),
            List.of("Richard", "Rich", "Richie"), List.of("Andrew", "Andy", "Drew", "Andrzej"),
            List.of("Frederick", "Freddie", "Fred", "Freddy"), List.of("Archibald", "Archie"),
            List.of("Alfred", "Alfie", "Alf"), List.of("Henry", "Harry", "Hal"), List.of("Stanley", "Stan"),
            List.of("Ronald", "Ronnie"), List.of("Reginald", "Reggie"), List.of("Zachary", "Zach", "Zak"),
            List.of("Jacob", "Jake", "Jakub", "Yakub"), List.of("Dmitri", "Dmitry", "Dima"),
            List.of("Ivan", "Vanya"), List.of("Ibrahim", "Ebrahim", "Ibraheem"), List.of("Hamza", "Hamzah"),
            List.of("Yusuf", "Yousuf", "Youssef"), List.of("Omar", "Umar"), List.of("Ali", "Aly"),
            List.of("Elizabeth", "Liz", "Lizzie", "Beth", "Eliza", "Elżbieta"), List.of("Katherine", "Kate", "Katie", "Kathryn"),
            List.of("Margaret", "Maggie", "Meg", "Peggy"), List.of("Rebecca", "Becky", "Becca"),
            List.of("Victoria", "Vicky", "Tori"), List.of("Abigail", "Abbie", "Abby"),
            List.of("Josephine", "Josie", "Jo"), List.of("Isabella", "Bella", "Izzy", "Izabela"),
            List.of("Isabelle", "Izzy", "Isobel"), List.of("Matilda", "Tilly", "Tilda"),
            List.of("Florence", "Flo", "Florrie"), List.of("Eleanor", "Ellie", "Nell", "Elinor"),
            List.of("Charlotte", "Lottie", "Charlie"), List.of("Harriet", "Hattie"),
            List.of("Maryam", "Mariam", "Miriam"), List.of("Aisha", "Ayesha", "Aysha"),
            List.of("Fatima", "Fatimah", "Fatma"), List.of("Zainab", "Zaynab"), List.of("Khadija", "Khadijah"),
            List.of("Zofia", "Sofia", "Sophia"), List.of("Natalia", "Natalie", "Natasha"),
            List.of("Anastasia", "Nastya", "Stacey"), List.of("Julia", "Julie", "Yulia"),
            List.of("Oliwia", "Olivia"), List.of("Alicja", "Alicia", "Alice"), List.of("Niamh", "Neve", "Neave"),
            List.of("Saoirse", "Seersha"), List.of("Caitlin", "Kaitlyn", "Katelyn"), List.of("Yasmin", "Jasmine"),
            List.of("Leila", "Layla", "Laila"));

    private final Random random;

    CorpusNames(Random random) {
        this.random = random;
    }

    String forename(char sex) {
        return zipf(sex == 'F' ? GIRLS : BOYS);
    }

    String surname() {
        return zipf(SURNAMES);
    }

    /** Another forename of that sex that starts with the same {@code letters} letters, or null. */
    String sharingStart(String forename, char sex, int letters) {
        String start = forename.substring(0, Math.min(letters, forename.length())).toLowerCase(Locale.ROOT);
        List<String> alike = new ArrayList<>();
        for (String n : sex == 'F' ? GIRLS : BOYS) {
            if (!n.equals(forename) && n.toLowerCase(Locale.ROOT).startsWith(start)) {
                alike.add(n);
            }
        }
        return alike.isEmpty() ? null : alike.get(random.nextInt(alike.size()));
    }

    /** A written variant of the name (another member of its group), or null when it has none. */
    String variant(String forename) {
        List<String> found = new ArrayList<>();
        for (List<String> group : VARIANTS) {
            if (group.contains(forename)) {
                group.stream().filter(n -> !n.equals(forename)).forEach(found::add);
            }
        }
        return found.isEmpty() ? null : found.get(random.nextInt(found.size()));
    }

    /** Rank r drawn with weight 1/(r+1)^0.9: the shape of UK first-name and surname counts. */
    private String zipf(String[] names) {
        double total = 0;
        for (int r = 0; r < names.length; r++) {
            total += Math.pow(r + 1, -0.9);
        }
        double x = random.nextDouble() * total;
        for (int r = 0; r < names.length; r++) {
            x -= Math.pow(r + 1, -0.9);
            if (x <= 0) {
                return names[r];
            }
        }
        return names[names.length - 1];
    }
}
