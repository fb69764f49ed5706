//! `kernel`: the resolved program IR and the resolver that builds it from syntax trees.
//! Both compilers consume it; hot reload diffs two versions of it.

pub mod ir;
