//! Continuous communication: the meetings of the initiative's bodies. The backbone plans
//! them and records who came; everyone in the initiative reads them.

pub mod health;
pub mod meetings;
