//! The Five Whys list read once into an index: answers by id and children by parent, so
//! walking a tree thousands of answers deep costs time in proportion to its size.

use std::collections::HashMap;

use super::Why;

/// Lookups over one list of answers, built in one pass. Same answers as [`super::WhyTree`]
/// gives on the list (sibling order is list order; the first answer wins an id used twice).
#[derive(Debug, Clone)]
pub struct WhyIndex<'a> {
    whys: &'a [Why],
    by_id: HashMap<&'a str, usize>,
    /// Positions in `whys` of the answers under each parent id, in list order.
    children: HashMap<&'a str, Vec<usize>>,
    roots: Vec<usize>,
}

impl<'a> WhyIndex<'a> {
    pub fn new(whys: &'a [Why]) -> Self {
        let mut by_id = HashMap::with_capacity(whys.len());
        let mut children: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut roots = Vec::new();
        for (i, w) in whys.iter().enumerate() {
            by_id.entry(w.id.as_str()).or_insert(i);
            match w.parent.as_deref() {
                Some(p) => children.entry(p).or_default().push(i),
                None => roots.push(i),
            }
        }
        WhyIndex { whys, by_id, children, roots }
    }

    /// The list the index was built from.
    pub fn list(&self) -> &'a [Why] {
        self.whys
    }

    pub fn why(&self, id: &str) -> Option<&'a Why> {
        self.by_id.get(id).map(|&i| &self.whys[i])
    }

    /// Answers directly under `parent` (`None`: asked of the incident), in list order.
    pub fn children_of(&self, parent: Option<&str>) -> impl Iterator<Item = &'a Why> + '_ {
        let positions = match parent {
            Some(p) => self.children.get(p).map_or(&[][..], Vec::as_slice),
            None => self.roots.as_slice(),
        };
        positions.iter().map(|&i| &self.whys[i])
    }

    pub fn roots(&self) -> impl Iterator<Item = &'a Why> + '_ {
        self.children_of(None)
    }

    pub fn is_leaf(&self, id: &str) -> bool {
        self.children.get(id).is_none_or(Vec::is_empty)
    }

    /// The chain from a top-level answer down to `id`, both included.
    pub fn path_to_root(&self, id: &str) -> Vec<&'a Why> {
        let mut path = Vec::new();
        let mut next = self.why(id);
        while let Some(w) = next {
            // A loop cannot be loaded or made, but a bad list must still not hang us.
            if path.len() > self.whys.len() {
                break;
            }
            path.push(w);
            next = w.parent.as_deref().and_then(|p| self.why(p));
        }
        path.reverse();
        path
    }

    /// `id` and everything under it, depth first, in sibling order.
    pub fn subtree(&self, id: &str) -> Vec<&'a Why> {
        let mut out = Vec::new();
        if let Some(&i) = self.by_id.get(id) {
            self.depth_first(&[i], &mut |k, _| out.push(&self.whys[k]));
        }
        out
    }

    /// The whole forest depth first, with each answer's depth.
    pub fn walk(&self) -> Vec<(&'a Why, usize)> {
        let mut out = Vec::with_capacity(self.whys.len());
        self.depth_first(&self.roots, &mut |i, d| out.push((&self.whys[i], d)));
        out
    }

    /// The same walk as [`WhyIndex::walk`], as positions in the list: two answers that share
    /// an id stay apart.
    pub fn walk_positions(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.whys.len());
        self.depth_first(&self.roots, &mut |i, d| out.push((i, d)));
        out
    }

    /// Depth first from `starts`, without recursion, so a chain of any depth is walked.
    fn depth_first(&self, starts: &[usize], visit: &mut dyn FnMut(usize, usize)) {
        let mut stack: Vec<(usize, usize)> = starts.iter().rev().map(|&i| (i, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            // Only an id used twice can lead back into a branch; stop as the list would.
            if depth > self.whys.len() {
                continue;
            }
            let w = &self.whys[i];
            visit(i, depth);
            if let Some(kids) = self.children.get(w.id.as_str()) {
                stack.extend(kids.iter().rev().map(|&k| (k, depth + 1)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::WhyTree;

    fn list() -> Vec<Why> {
        vec![
            Why::new("w1", None, "root"),
            Why::new("w2", Some("w1"), "a"),
            Why::new("w3", Some("w2"), "a.1"),
            Why::new("w4", Some("w1"), "b"),
            Why::new("w5", None, "second root"),
            Why::new("w6", Some("w9"), "orphan"),
        ]
    }

    fn ids(ws: &[&Why]) -> Vec<String> {
        ws.iter().map(|w| w.id.clone()).collect()
    }

    #[test]
    fn index_answers_as_the_list_does() {
        let whys = list();
        let index = WhyIndex::new(&whys);
        let walked: Vec<(String, usize)> =
            index.walk().into_iter().map(|(w, d)| (w.id.clone(), d)).collect();
        let expected: Vec<(String, usize)> =
            whys.walk().into_iter().map(|(w, d)| (w.id.clone(), d)).collect();
        assert_eq!(walked, expected);
        assert_eq!(walked.len(), 5, "the orphan is not under any root");
        for w in &whys {
            assert_eq!(index.is_leaf(&w.id), whys.is_leaf(&w.id), "{}", w.id);
            assert_eq!(ids(&index.path_to_root(&w.id)), ids(&whys.path_to_root(&w.id)));
            assert_eq!(ids(&index.subtree(&w.id)), ids(&whys.subtree(&w.id)));
            let kids: Vec<&Why> = index.children_of(Some(&w.id)).collect();
            assert_eq!(ids(&kids), ids(&whys.children_of(Some(&w.id))));
        }
        assert_eq!(index.roots().count(), 2);
    }

    #[test]
    fn a_chain_far_deeper_than_the_stack_is_walked() {
        let whys: Vec<Why> = (0..200_000)
            .map(|i| {
                let parent = (i > 0).then(|| format!("w{i}"));
                Why::new(format!("w{}", i + 1), parent.as_deref(), "x")
            })
            .collect();
        let index = WhyIndex::new(&whys);
        let walked = index.walk();
        assert_eq!(walked.len(), 200_000);
        assert_eq!(walked.last().map(|(w, d)| (w.id.as_str(), *d)), Some(("w200000", 199_999)));
        assert_eq!(index.path_to_root("w200000").len(), 200_000);
    }

    #[test]
    fn an_id_used_twice_does_not_hang_the_walk() {
        let whys = vec![Why::new("w1", None, "a"), Why::new("w1", Some("w1"), "b")];
        let index = WhyIndex::new(&whys);
        assert!(index.walk().len() <= whys.len() + 2);
    }
}
