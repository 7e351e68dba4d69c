// Name and mail-domain lists for generated people, most frequent first (the generator weights them by rank).
export const FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Maria', 'José', 'Juan', 'Ana', 'Wei', 'Li', 'Mohammed', 'Fatima', 'Aisha', 'Omar',
  'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Margaret', 'Donald', 'Sandra',
  'Steven', 'Ashley', 'Paul', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kenneth', 'Michelle',
  'Kevin', 'Dorothy', 'Brian', 'Carol', 'George', 'Amanda', 'Timothy', 'Melissa', 'Ronald', 'Deborah',
  'Edward', 'Stephanie', 'Jason', 'Rebecca', 'Jeffrey', 'Sharon', 'Ryan', 'Laura', 'Jacob', 'Cynthia',
  'Gary', 'Kathleen', 'Nicholas', 'Amy', 'Eric', 'Angela', 'Jonathan', 'Shirley', 'Stephen', 'Anna',
  'Larry', 'Brenda', 'Justin', 'Pamela', 'Scott', 'Emma', 'Brandon', 'Nicole', 'Benjamin', 'Helen',
  'Samuel', 'Samantha', 'Gregory', 'Katherine', 'Alexander', 'Christine', 'Frank', 'Debra', 'Patrick', 'Rachel',
  'Raymond', 'Carolyn', 'Jack', 'Janet', 'Dennis', 'Catherine', 'Jerry', 'Heather', 'Tyler', 'Diane',
  'Aaron', 'Ruth', 'Hiroshi', 'Yuki', 'Sven', 'Ingrid', 'Björn', 'Zoë', 'Søren', 'Åsa',
  'François', 'Chloé', 'Jürgen', 'Renée', 'Łukasz', 'Małgorzata', 'Nguyễn', 'Priya', 'Arjun', 'Olusegun',
  'Chidi', 'Ngozi', 'Dmitri', 'Olga', 'Giulia', 'Matteo', 'Siobhán', 'Seán', 'Inés', 'Óscar',
  'Mehmet', 'Ayşe', 'Kwame', 'Amara', 'Ximena', 'Quentin', 'Yolanda', 'Zachary', 'Xavier', 'Vivian',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi',
  'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu',
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Kim', 'Park', 'Choi', 'Jung', 'Kang',
  'Kumar', 'Singh', 'Sharma', 'Patel', 'Gupta', 'Okafor', 'Adeyemi', 'Mensah', 'Ivanov', 'Petrov',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Novák', 'Svoboda', 'Nielsen', 'Jensen', 'Hansen', 'Johansson', 'Andersson',
  'Ó Briain', "O'Brien", "O'Connor", 'McCarthy', 'Murphy', 'Kelly', 'Walsh', 'Byrne', 'Ryan', 'Doyle',
  'Gómez', 'Díaz', 'Fernández', 'Álvarez', 'Jiménez', 'Ruiz', 'Moreno', 'Muñoz', 'Romero', 'Navarro',
  'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murray', 'Cook', 'Rogers', 'Morgan', 'Peterson',
  'Cooper', 'Reed', 'Bailey', 'Bell', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson',
  'Brooks', 'Bennett', 'Gray', 'James', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross',
  'Foster', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Fisher', 'Henderson', 'Coleman', 'Simmons',
  'Patterson', 'Jordan', 'Reynolds', 'Hamilton', 'Graham', 'Wallace', 'Woods', 'Cole', 'West', 'Owens',
  'Marshall', 'Ellis', 'Harrison', 'Gibson', 'McDonald', 'Cruz', 'Mendoza', 'Vargas', 'Castillo', 'Ortiz',
  'Quispe', 'Yilmaz', 'Kaya', 'Demir', 'Van der Berg', 'De Vries', 'Van Dijk', 'Bakker', 'Visser', 'Zwart',
] as const;

export const MAIL_DOMAINS = [
  'example.com', 'example.org', 'mail.example.net', 'acme.test', 'northwind.test', 'contoso.test',
  'globex.test', 'initech.test', 'umbrella.test', 'hooli.test', 'stark.test', 'wayne.test',
] as const;
