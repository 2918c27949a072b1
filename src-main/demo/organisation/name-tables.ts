/**
 * First names and surnames per nationality, with the diacritics, particles and patronymics real
 * Nordic and Dutch directories have. Kept as plain data so the generator stays readable.
 */

export type Nationality = 'DK' | 'SE' | 'NO' | 'NL' | 'US' | 'IS' | 'DE'

export interface NameTable {
  readonly femaleGivenNames: readonly string[]
  readonly maleGivenNames: readonly string[]
  readonly surnames: readonly string[]
  /** Patronymic cultures (Iceland): women's surnames differ from men's. */
  readonly femaleSurnames?: readonly string[]
  /** BCP 47 tag for `preferredLanguage`. */
  readonly language: string
}

export const NAME_TABLES: Readonly<Record<Nationality, NameTable>> = {
  DK: {
    femaleGivenNames: ['Mette', 'Anne', 'Kirsten', 'Louise', 'Camilla', 'Sofie', 'Ida', 'Freja', 'Line', 'Maja', 'Signe', 'Julie', 'Astrid', 'Karen', 'Emma', 'Birgitte', 'Lærke', 'Søs', 'Trine', 'Pernille', 'Rikke', 'Helle', 'Nanna', 'Josefine', 'Ditte', 'Agnete', 'Marianne', 'Cecilie', 'Gry', 'Tove', 'Vibeke', 'Stine', 'Sidsel'],
    maleGivenNames: ['Søren', 'Lars', 'Jens', 'Mads', 'Rasmus', 'Frederik', 'Mikkel', 'Christian', 'Anders', 'Jesper', 'Bjørn', 'Thomas', 'Morten', 'Henrik', 'Niels', 'Kasper', 'Jørgen', 'Asger', 'Troels', 'Nikolaj', 'Emil', 'Mathias', 'Esben', 'Ulrik', 'Palle', 'Villads', 'Oliver', 'Malthe', 'Kristoffer', 'Torben', 'Aksel', 'Carsten', 'Magnus'],
    surnames: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Mølgaard', 'Østergaard', 'Kjær', 'Lauridsen', 'Dahl', 'Bækgaard', 'Frølund', 'Holm', 'Vestergaard', 'Ærø', 'Søndergaard', 'Bøgh', 'Skøtt', 'Lindholm', 'Mørch', 'Bach', 'Winther', 'Brøndum', 'Kofoed', 'Schou', 'Juul', 'Friis', 'Bisgaard', 'Damgaard', 'Løkke', 'Fog', 'Kragh', 'Svendsen', 'Vinther', 'Grøn'],
    language: 'da-DK',
  },
  SE: {
    femaleGivenNames: ['Åsa', 'Maria', 'Anna', 'Karin', 'Eva', 'Sofia', 'Linnéa', 'Ebba', 'Ingrid', 'Elin', 'Märta', 'Agnes', 'Astrid', 'Klara', 'Saga', 'Malin', 'Lena', 'Ylva', 'Britt', 'Stina', 'Wilma', 'Tove', 'Sara', 'Hanna', 'Frida'],
    maleGivenNames: ['Björn', 'Erik', 'Lars', 'Johan', 'Anders', 'Oskar', 'Måns', 'Göran', 'Per', 'Mikael', 'Hampus', 'Nils', 'Gustav', 'Axel', 'Olof', 'Sven', 'Magnus', 'Fredrik', 'Henrik', 'Jonas', 'Viktor', 'Pelle', 'Ludvig', 'Emil', 'Åke'],
    surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Jönsson', 'Lindström', 'Åberg', 'Öberg', 'Bergström', 'Sjöberg', 'Lundqvist', 'Håkansson', 'Ström', 'Ekström', 'Wallén', 'Söderberg', 'Hellström', 'Björklund', 'Nordén', 'Lindqvist', 'Sandström', 'Forsberg', 'Åström', 'Holmgren', 'Lundgren', 'Engström', 'Nyström', 'Dahlberg', 'Fransson', 'Blomqvist', 'Sundberg', 'Hedlund', 'Wikström', 'Löfgren'],
    language: 'sv-SE',
  },
  NO: {
    femaleGivenNames: ['Kari', 'Ingrid', 'Sigrid', 'Solveig', 'Marit', 'Ragnhild', 'Silje', 'Åse', 'Nora', 'Tuva', 'Hege', 'Randi', 'Synnøve', 'Guro', 'Live', 'Ingeborg', 'Tone', 'Vibeke', 'Ane', 'Mari'],
    maleGivenNames: ['Ola', 'Ole', 'Håkon', 'Øystein', 'Bjørn', 'Eirik', 'Torbjørn', 'Jørgen', 'Magnus', 'Sindre', 'Knut', 'Geir', 'Stian', 'Trond', 'Øyvind', 'Espen', 'Halvard', 'Sigurd', 'Jon', 'Pål'],
    surnames: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Berg', 'Haugen', 'Hagen', 'Bakken', 'Solberg', 'Strand', 'Dahl', 'Lie', 'Kristiansen', 'Halvorsen', 'Sæther', 'Løvås', 'Økland', 'Brekke', 'Ødegård', 'Bråten', 'Aasen', 'Nygård', 'Hovland', 'Myhre'],
    language: 'nb-NO',
  },
  NL: {
    femaleGivenNames: ['Sanne', 'Femke', 'Lotte', 'Anouk', 'Eva', 'Fleur', 'Iris', 'Marieke', 'Zoë', 'Noor', 'Maaike', 'Ilse', 'Renée', 'Floor', 'Lieke', 'Esmée', 'Joke', 'Wies', 'Roos', 'Anne'],
    maleGivenNames: ['Pieter', 'Jan', 'Daan', 'Bram', 'Sem', 'Thijs', 'Ruben', 'Joost', 'Maarten', 'Sven', 'Gijs', 'Hendrik', 'Wouter', 'Koen', 'Stijn', 'Bart', 'Niels', 'Jeroen', 'Teun', 'Sjoerd'],
    surnames: ['van der Berg', 'de Vries', 'Jansen', 'de Jong', 'Bakker', 'van Dijk', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'van den Broek', 'Brouwer', 'van der Meer', 'Kuiper', 'van \'t Hof', 'Willems', 'Hoekstra'],
    language: 'nl-NL',
  },
  US: {
    femaleGivenNames: ['Mary', 'Jennifer', 'Sarah', 'Emily', 'Jessica', 'Ashley', 'Megan', 'Lauren', 'Zoë', 'Hannah', 'Olivia', 'Chloé', 'Madison', 'Grace', 'Renée', 'Abigail', 'Natalie', 'Rachel', 'Amy', 'Nicole'],
    maleGivenNames: ['James', 'Michael', 'David', 'Robert', 'Daniel', 'Chris', 'Kevin', 'Brian', 'Tyler', 'Jordan', 'Matthew', 'Andrew', 'Joshua', 'Ryan', 'José', 'Ethan', 'Noah', 'Logan', 'Aaron', 'Brandon'],
    surnames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', "O'Brien", 'McCarthy', 'Nguyen', 'Patel', 'Kim', 'Peña', 'Anderson', 'Thompson', 'White', 'Harris'],
    language: 'en-US',
  },
  IS: {
    femaleGivenNames: ['Guðrún', 'Sigríður', 'Helga', 'Katrín', 'Ásdís', 'Kristín', 'Anna', 'Margrét', 'Hildur', 'Jóhanna', 'Ragnheiður', 'Þóra'],
    maleGivenNames: ['Ólafur', 'Jón', 'Einar', 'Þórður', 'Gunnar', 'Sigurður', 'Guðmundur', 'Kristján', 'Stefán', 'Magnús', 'Björn', 'Árni'],
    surnames: ['Guðmundsson', 'Jónsson', 'Sigurðsson', 'Ólafsson', 'Einarsson', 'Kristjánsson', 'Stefánsson', 'Magnússon', 'Þórsson', 'Árnason'],
    femaleSurnames: ['Guðmundsdóttir', 'Jónsdóttir', 'Sigurðardóttir', 'Ólafsdóttir', 'Einarsdóttir', 'Kristjánsdóttir', 'Stefánsdóttir', 'Magnúsdóttir', 'Þórsdóttir', 'Árnadóttir'],
    language: 'is-IS',
  },
  DE: {
    femaleGivenNames: ['Anna', 'Katharina', 'Lena', 'Sabine', 'Ursula', 'Jana', 'Annika', 'Franziska', 'Lea', 'Jülide'],
    maleGivenNames: ['Lukas', 'Jürgen', 'Jörg', 'Felix', 'Maximilian', 'Tobias', 'Stefan', 'Matthias', 'Sebastian', 'Jonas'],
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schäfer', 'Köhler', 'Groß', 'Schröder', 'Krüger', 'Hoffmann', 'Böhm'],
    language: 'de-DE',
  },
}
