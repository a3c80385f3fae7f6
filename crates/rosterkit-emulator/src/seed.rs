//! Building blocks for the deterministic sample organizations: people with
//! plausible names and emails, team names, and a fixed time line.

use std::collections::HashSet;

use crate::ids::IdGen;

const FIRST_NAMES: &[&str] = &[
    "Ava",
    "Liam",
    "Olivia",
    "Noah",
    "Emma",
    "Oliver",
    "Sophia",
    "Elijah",
    "Isabella",
    "James",
    "Mia",
    "Lucas",
    "Amelia",
    "Mateo",
    "Harper",
    "Ethan",
    "Evelyn",
    "Aiden",
    "Abigail",
    "Kai",
    "Emily",
    "Leo",
    "Ella",
    "Henry",
    "Aria",
    "Samuel",
    "Chloe",
    "Daniel",
    "Grace",
    "Jack",
    "Zoe",
    "Owen",
    "Nora",
    "Wyatt",
    "Lily",
    "Gabriel",
    "Hannah",
    "Julian",
    "Layla",
    "Isaac",
    "Priya",
    "Arjun",
    "Mei",
    "Hiroshi",
    "Yuki",
    "Chen",
    "Fatima",
    "Omar",
    "Aisha",
    "Kwame",
    "Amara",
    "Sipho",
    "Ingrid",
    "Lars",
    "Freya",
    "Mateus",
    "Camila",
    "Diego",
    "Valentina",
    "Santiago",
    "Sofia",
    "Luca",
    "Giulia",
    "Marco",
    "Elena",
    "Nikolai",
    "Anya",
    "Tomasz",
    "Zofia",
    "Dmitri",
    "Rosa",
    "Pablo",
    "Ines",
    "Rafael",
    "Leila",
    "Reza",
    "Noor",
    "Tariq",
    "Hana",
    "Jin",
];

const LAST_NAMES: &[&str] = &[
    "Nguyen",
    "Smith",
    "Johnson",
    "Garcia",
    "Patel",
    "Kim",
    "Brown",
    "Martinez",
    "Lee",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Thompson",
    "White",
    "Lopez",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Hill",
    "Green",
    "Adams",
    "Baker",
    "Nelson",
    "Carter",
    "Mitchell",
    "Perez",
    "Roberts",
    "Turner",
    "Okafor",
    "Mensah",
    "Haddad",
    "Nakamura",
    "Tanaka",
    "Wang",
    "Zhang",
    "Singh",
    "Sharma",
    "Khan",
    "Rossi",
    "Bianchi",
    "Novak",
    "Kowalski",
    "Lindqvist",
    "Hansen",
    "Dubois",
    "Moreau",
    "Silva",
    "Santos",
    "Costa",
    "Fischer",
    "Weber",
    "Schneider",
    "Ivanova",
    "Petrov",
    "Murphy",
    "O'Brien",
    "Kelly",
    "Reyes",
];

/// Team and department names shared by the vendors' sample groups.
pub(crate) const TEAM_NAMES: &[&str] = &[
    "Engineering",
    "Platform Engineering",
    "Site Reliability",
    "Data Science",
    "Data Engineering",
    "Security Operations",
    "Product Management",
    "Design",
    "Marketing",
    "Growth",
    "Sales EMEA",
    "Sales Americas",
    "Sales APAC",
    "Customer Success",
    "Support Tier 1",
    "Support Tier 2",
    "Finance",
    "Accounting",
    "Legal",
    "People Operations",
    "Recruiting",
    "Facilities",
    "Procurement",
    "Executive Team",
    "Quality Assurance",
    "Mobile",
    "Frontend",
    "Backend",
    "Infrastructure",
    "Analytics",
    "Partnerships",
    "Compliance",
    "Internal Audit",
    "Research",
    "Developer Relations",
];

/// A sample person.
#[derive(Clone, Debug)]
pub(crate) struct Person {
    pub(crate) first: String,
    pub(crate) last: String,
    pub(crate) email: String,
}

/// `count` people with distinct emails at `domain`, fixed by `rng`.
pub(crate) fn people(rng: &mut IdGen, count: usize, domain: &str) -> Vec<Person> {
    let mut taken = HashSet::new();
    (0..count)
        .map(|_| {
            let first = FIRST_NAMES[rng.below(FIRST_NAMES.len())];
            let last = LAST_NAMES[rng.below(LAST_NAMES.len())];
            let local = format!("{}.{}", first, last)
                .to_lowercase()
                .replace('\'', "");
            let mut email = format!("{local}@{domain}");
            let mut n = 2;
            while !taken.insert(email.clone()) {
                email = format!("{local}{n}@{domain}");
                n += 1;
            }
            Person {
                first: first.to_owned(),
                last: last.to_owned(),
                email,
            }
        })
        .collect()
}

/// `k` distinct indexes below `n` in ascending order (all of them if k >= n).
pub(crate) fn sample_indexes(rng: &mut IdGen, n: usize, k: usize) -> Vec<usize> {
    let mut all: Vec<usize> = (0..n).collect();
    // Partial Fisher-Yates: only the first k positions need shuffling.
    let k = k.min(n);
    for i in 0..k {
        let j = i + rng.below(n - i);
        all.swap(i, j);
    }
    let mut picked = all[..k].to_vec();
    picked.sort_unstable();
    picked
}

/// 2023-01-02T09:00:00Z: the sample organizations' history starts here.
pub(crate) const EPOCH_MILLIS: i64 = 1_672_650_000_000;

/// A fixed instant `hours` after [`EPOCH_MILLIS`], as ISO-8601.
pub(crate) fn timestamp(hours: i64) -> String {
    crate::clock::iso8601(EPOCH_MILLIS + hours * 3_600_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_deterministic_and_unique() {
        let a = people(&mut IdGen::new(1), 400, "acme.example");
        let b = people(&mut IdGen::new(1), 400, "acme.example");
        assert_eq!(a.len(), 400);
        assert!(a.iter().zip(&b).all(|(x, y)| x.email == y.email));
        let unique: HashSet<_> = a.iter().map(|p| &p.email).collect();
        assert_eq!(unique.len(), 400);
        assert!(a.iter().all(|p| !p.email.contains('\'')));
    }

    #[test]
    fn samples() {
        let s = sample_indexes(&mut IdGen::new(3), 10, 4);
        assert_eq!(s.len(), 4);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(sample_indexes(&mut IdGen::new(3), 3, 10), vec![0, 1, 2]);
        assert_eq!(timestamp(0), "2023-01-02T09:00:00.000Z");
    }
}
