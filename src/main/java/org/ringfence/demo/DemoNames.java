package org.ringfence.demo;

import java.util.List;
import java.util.Random;

/** Invented names drawn from given names and surnames common in London. */
final class DemoNames {

	private static final List<String> GIVEN = List.of("Aaron", "Abdul", "Adam", "Adebayo", "Aisha", "Alex", "Alice",
			"Amara", "Amelia", "Amir", "Amy", "Andrew", "Anil", "Anna", "Arjun", "Ava", "Ben", "Bethany", "Bilal",
			"Callum", "Carlos", "Catherine", "Charlotte", "Chloe", "Chidi", "Chris", "Claire", "Connor", "Daniel",
			"David", "Deborah", "Deepa", "Dylan", "Eleanor", "Elif", "Ella", "Emeka", "Emily", "Emma", "Fatima", "Fiona",
			"Folake", "Gareth", "Georgia", "Grace", "Hannah", "Harry", "Hassan", "Helen", "Ibrahim", "Imran", "Isabel",
			"Jack", "Jade", "James", "Jamal", "Jasmine", "Jessica", "Joanna", "John", "Jordan", "Joseph", "Kate",
			"Kemi", "Kieran", "Kofi", "Laura", "Leah", "Liam", "Lucy", "Luke", "Maria", "Mark", "Marta", "Matthew",
			"Maya", "Megan", "Michael", "Mohammed", "Nadia", "Natalie", "Nathan", "Nia", "Nikhil", "Oliver", "Olivia",
			"Omar", "Patrick", "Paul", "Priya", "Rachel", "Rahul", "Rebecca", "Reece", "Ruth", "Ryan", "Sadia", "Samuel",
			"Sara", "Sean", "Shanice", "Simon", "Sofia", "Sophie", "Stephen", "Sunita", "Tariq", "Thomas", "Tom", "Tunde",
			"Victoria", "Wei", "William", "Yasmin", "Yusuf", "Zainab", "Zoe");

	private static final List<String> FAMILY = List.of("Adams", "Afolabi", "Ahmed", "Ali", "Allen", "Anderson",
			"Asante", "Bailey", "Baker", "Banerjee", "Barker", "Bennett", "Bhatt", "Brown", "Campbell", "Carter", "Chan",
			"Chaudhry", "Clarke", "Cohen", "Collins", "Cooper", "Costa", "Cox", "Davies", "Davis", "Dixon", "Doherty",
			"Edwards", "Ellis", "Evans", "Fernandes", "Fisher", "Fletcher", "Foster", "Gordon", "Graham", "Green",
			"Griffiths", "Gupta", "Hall", "Harris", "Hassan", "Hill", "Hughes", "Hussain", "Jackson", "James", "Johnson",
			"Jones", "Kaur", "Kelly", "Khan", "King", "Kowalski", "Lee", "Lewis", "Li", "Lopez", "Martin", "Mensah",
			"Miah", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Nguyen", "Nowak", "Nwosu", "O'Brien", "Okafor",
			"Okoro", "Oliveira", "Osei", "Owen", "Palmer", "Parker", "Patel", "Phillips", "Price", "Rahman", "Reid",
			"Richards", "Roberts", "Robinson", "Rossi", "Russell", "Scott", "Shah", "Sharma", "Silva", "Singh", "Smith",
			"Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Uddin", "Walker", "Ward", "Watson", "White",
			"Williams", "Wilson", "Wong", "Wood", "Wright", "Yilmaz", "Young");

	private DemoNames() {
	}

	static String given(Random random) {
		return GIVEN.get(random.nextInt(GIVEN.size()));
	}

	static String family(Random random) {
		return FAMILY.get(random.nextInt(FAMILY.size()));
	}

}
