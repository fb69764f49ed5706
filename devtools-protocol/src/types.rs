//! The protocol objects dartrs sends, as serde types following the VM Service Protocol
//! specification (runtime/vm/service/service.md in the Dart SDK). Every response object
//! carries its `type` (`"@Isolate"` for a reference, `"Isolate"` for the full object);
//! optional members are omitted rather than sent as null, as the spec asks.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

fn tag(t: &str) -> String {
    t.to_string()
}

/// `Version`: the protocol version served.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    #[serde(rename = "type")]
    pub ty: String,
    pub major: u32,
    pub minor: u32,
}

impl Version {
    pub fn current() -> Version {
        let (major, minor) = crate::PROTOCOL_VERSION;
        Version {
            ty: tag("Version"),
            major,
            minor,
        }
    }
}

/// `Success`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Success {
    #[serde(rename = "type")]
    pub ty: String,
}

impl Success {
    pub fn new() -> Success {
        Success { ty: tag("Success") }
    }
}

impl Default for Success {
    fn default() -> Self {
        Success::new()
    }
}

/// `Sentinel`: "the normal response is not available" (e.g. an isolate that exited).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentinel {
    #[serde(rename = "type")]
    pub ty: String,
    pub kind: String,
    pub value_as_string: String,
}

impl Sentinel {
    /// The `Collected` sentinel returned for isolates that have exited.
    pub fn collected() -> Sentinel {
        Sentinel {
            ty: tag("Sentinel"),
            kind: "Collected".into(),
            value_as_string: "<collected>".into(),
        }
    }
}

/// `@VM`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VmRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub name: String,
}

impl VmRef {
    pub fn new(name: &str) -> VmRef {
        VmRef {
            ty: tag("@VM"),
            name: name.into(),
        }
    }
}

/// `VM`: global information about the virtual machine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vm {
    #[serde(rename = "type")]
    pub ty: String,
    pub name: String,
    pub architecture_bits: u32,
    #[serde(rename = "hostCPU")]
    pub host_cpu: String,
    pub operating_system: String,
    #[serde(rename = "targetCPU")]
    pub target_cpu: String,
    pub version: String,
    pub pid: u32,
    /// Milliseconds since the epoch.
    pub start_time: i64,
    pub isolates: Vec<IsolateRef>,
    pub isolate_groups: Vec<IsolateGroupRef>,
    pub system_isolates: Vec<IsolateRef>,
    pub system_isolate_groups: Vec<IsolateGroupRef>,
}

impl Vm {
    /// A VM description for this process: x64 Linux, the given name and version.
    pub fn new(name: &str, version: &str, start_time: i64) -> Vm {
        Vm {
            ty: tag("VM"),
            name: name.into(),
            architecture_bits: 64,
            host_cpu: "x64".into(),
            operating_system: std::env::consts::OS.into(),
            target_cpu: "x64".into(),
            version: version.into(),
            pid: std::process::id(),
            start_time,
            isolates: Vec::new(),
            isolate_groups: Vec::new(),
            system_isolates: Vec::new(),
            system_isolate_groups: Vec::new(),
        }
    }
}

/// `@Isolate`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IsolateRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub number: String,
    pub name: String,
    pub is_system_isolate: bool,
    pub isolate_group_id: String,
}

impl IsolateRef {
    /// The reference of isolate `number` (id `isolates/<number>`) in group `group`.
    pub fn new(number: u64, name: &str, group: u64) -> IsolateRef {
        IsolateRef {
            ty: tag("@Isolate"),
            id: format!("isolates/{number}"),
            number: number.to_string(),
            name: name.into(),
            is_system_isolate: false,
            isolate_group_id: format!("isolateGroups/{group}"),
        }
    }
}

/// `IsolateFlag`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IsolateFlag {
    pub name: String,
    pub value_as_string: String,
}

/// `Isolate`: one isolate in full.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Isolate {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub number: String,
    pub name: String,
    pub is_system_isolate: bool,
    pub isolate_group_id: String,
    pub isolate_flags: Vec<IsolateFlag>,
    pub start_time: i64,
    pub runnable: bool,
    pub live_ports: u32,
    pub pause_on_exit: bool,
    pub pause_event: Event,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_lib: Option<LibraryRef>,
    pub libraries: Vec<LibraryRef>,
    pub breakpoints: Vec<Value>,
    pub exception_pause_mode: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(rename = "extensionRPCs")]
    pub extension_rpcs: Option<Vec<String>>,
}

/// `@IsolateGroup`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IsolateGroupRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub number: String,
    pub name: String,
    pub is_system_isolate_group: bool,
}

impl IsolateGroupRef {
    pub fn new(number: u64, name: &str) -> IsolateGroupRef {
        IsolateGroupRef {
            ty: tag("@IsolateGroup"),
            id: format!("isolateGroups/{number}"),
            number: number.to_string(),
            name: name.into(),
            is_system_isolate_group: false,
        }
    }
}

/// `IsolateGroup`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IsolateGroup {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub number: String,
    pub name: String,
    pub is_system_isolate_group: bool,
    pub isolates: Vec<IsolateRef>,
}

impl IsolateGroup {
    pub fn new(r: IsolateGroupRef, isolates: Vec<IsolateRef>) -> IsolateGroup {
        IsolateGroup {
            ty: tag("IsolateGroup"),
            id: r.id,
            number: r.number,
            name: r.name,
            is_system_isolate_group: r.is_system_isolate_group,
            isolates,
        }
    }
}

/// `@Library`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub fixed_id: bool,
    pub name: String,
    pub uri: String,
}

impl LibraryRef {
    pub fn new(index: usize, name: &str, uri: &str) -> LibraryRef {
        LibraryRef {
            ty: tag("@Library"),
            id: format!("libraries/{index}"),
            fixed_id: true,
            name: name.into(),
            uri: uri.into(),
        }
    }
}

/// `@Class`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub fixed_id: bool,
    pub name: String,
    pub library: LibraryRef,
}

impl ClassRef {
    pub fn new(id: u64, name: &str, library: LibraryRef) -> ClassRef {
        ClassRef {
            ty: tag("@Class"),
            id: format!("classes/{id}"),
            fixed_id: true,
            name: name.into(),
            library,
        }
    }
}

/// `@Script`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScriptRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub fixed_id: bool,
    pub uri: String,
}

impl ScriptRef {
    pub fn new(index: usize, uri: &str) -> ScriptRef {
        ScriptRef {
            ty: tag("@Script"),
            id: format!("scripts/{index}"),
            fixed_id: true,
            uri: uri.into(),
        }
    }
}

/// `SourceLocation`. dartrs uses the byte offset in the file as the token position and
/// also gives the 1-based line and column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceLocation {
    #[serde(rename = "type")]
    pub ty: String,
    pub script: ScriptRef,
    pub token_pos: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_token_pos: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

impl SourceLocation {
    pub fn new(script: ScriptRef, token_pos: i64, line: u32, column: u32) -> SourceLocation {
        SourceLocation {
            ty: tag("SourceLocation"),
            script,
            token_pos,
            end_token_pos: None,
            line: Some(line),
            column: Some(column),
        }
    }
}

/// The owner of a function: a library or a class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FunctionOwner {
    Class(ClassRef),
    Library(LibraryRef),
}

/// `@Function`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FuncRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub fixed_id: bool,
    pub name: String,
    pub owner: FunctionOwner,
    #[serde(rename = "static")]
    pub is_static: bool,
    #[serde(rename = "const")]
    pub is_const: bool,
    pub implicit: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl FuncRef {
    pub fn new(id: u64, name: &str, owner: FunctionOwner, is_static: bool) -> FuncRef {
        FuncRef {
            ty: tag("@Function"),
            id: format!("functions/{id}"),
            fixed_id: true,
            name: name.into(),
            owner,
            is_static,
            is_const: false,
            implicit: false,
            location: None,
        }
    }
}

/// `@Code`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodeRef {
    #[serde(rename = "type")]
    pub ty: String,
    pub id: String,
    pub name: String,
    pub kind: String,
}

impl CodeRef {
    /// Unoptimised or AOT code of a Dart function.
    pub fn dart(id: u64, name: &str) -> CodeRef {
        CodeRef {
            ty: tag("@Code"),
            id: format!("code/{id}"),
            name: name.into(),
            kind: "Dart".into(),
        }
    }
}

/// `Frame`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    #[serde(rename = "type")]
    pub ty: String,
    pub index: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<FuncRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
    pub kind: String,
}

impl Frame {
    pub fn regular(
        index: u32,
        function: FuncRef,
        code: CodeRef,
        loc: Option<SourceLocation>,
    ) -> Frame {
        Frame {
            ty: tag("Frame"),
            index,
            function: Some(function),
            code: Some(code),
            location: loc,
            kind: "Regular".into(),
        }
    }
}

/// `Stack`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stack {
    #[serde(rename = "type")]
    pub ty: String,
    pub frames: Vec<Frame>,
    pub messages: Vec<Value>,
    pub truncated: bool,
}

impl Stack {
    pub fn new(frames: Vec<Frame>, truncated: bool) -> Stack {
        Stack {
            ty: tag("Stack"),
            frames,
            messages: Vec::new(),
            truncated,
        }
    }
}

/// `Event`: an asynchronous notification on a stream (also an isolate's `pauseEvent`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    #[serde(rename = "type")]
    pub ty: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolate: Option<IsolateRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vm: Option<VmRef>,
    /// Milliseconds since the epoch.
    pub timestamp: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_frame: Option<Frame>,
    /// Base64 bytes of a `WriteEvent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(rename = "extensionRPC")]
    pub extension_rpc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_data: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_events: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_streams: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_async_suspension: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_record: Option<Value>,
    /// Members some kinds carry beyond the common ones (the GC event's heap spaces).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Event {
    /// An event of `kind` with only the common members set.
    pub fn new(kind: &str, isolate: Option<IsolateRef>, timestamp: i64) -> Event {
        Event {
            ty: tag("Event"),
            kind: kind.into(),
            isolate,
            vm: None,
            timestamp,
            top_frame: None,
            bytes: None,
            extension_rpc: None,
            extension_kind: None,
            extension_data: None,
            timeline_events: None,
            updated_streams: None,
            at_async_suspension: None,
            log_record: None,
            extra: Map::new(),
        }
    }
}

/// `MemoryUsage`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MemoryUsage {
    #[serde(rename = "type")]
    pub ty: String,
    pub external_usage: i64,
    pub heap_capacity: i64,
    pub heap_usage: i64,
}

impl MemoryUsage {
    pub fn new(heap_usage: i64, heap_capacity: i64, external_usage: i64) -> MemoryUsage {
        MemoryUsage {
            ty: tag("MemoryUsage"),
            external_usage,
            heap_capacity,
            heap_usage,
        }
    }
}

/// `ClassHeapStats`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassHeapStats {
    #[serde(rename = "type")]
    pub ty: String,
    pub class: ClassRef,
    pub accumulated_size: i64,
    pub bytes_current: i64,
    pub instances_accumulated: i64,
    pub instances_current: i64,
}

impl ClassHeapStats {
    pub fn new(class: ClassRef) -> ClassHeapStats {
        ClassHeapStats {
            ty: tag("ClassHeapStats"),
            class,
            accumulated_size: 0,
            bytes_current: 0,
            instances_accumulated: 0,
            instances_current: 0,
        }
    }
}

/// `AllocationProfile`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AllocationProfile {
    #[serde(rename = "type")]
    pub ty: String,
    pub members: Vec<ClassHeapStats>,
    pub memory_usage: MemoryUsage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_last_accumulator_reset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(rename = "dateLastServiceGC")]
    pub date_last_service_gc: Option<i64>,
}

impl AllocationProfile {
    pub fn new(members: Vec<ClassHeapStats>, memory_usage: MemoryUsage) -> AllocationProfile {
        AllocationProfile {
            ty: tag("AllocationProfile"),
            members,
            memory_usage,
            date_last_accumulator_reset: None,
            date_last_service_gc: None,
        }
    }
}

/// `Timeline`: recorded events in Chrome trace event format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    #[serde(rename = "type")]
    pub ty: String,
    pub trace_events: Vec<Value>,
    pub time_origin_micros: i64,
    pub time_extent_micros: i64,
}

impl Timeline {
    pub fn new(trace_events: Vec<Value>, origin: i64, extent: i64) -> Timeline {
        Timeline {
            ty: tag("Timeline"),
            trace_events,
            time_origin_micros: origin,
            time_extent_micros: extent,
        }
    }
}

/// `TimelineFlags`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineFlags {
    #[serde(rename = "type")]
    pub ty: String,
    pub recorder_name: String,
    pub available_streams: Vec<String>,
    pub recorded_streams: Vec<String>,
}

impl TimelineFlags {
    pub fn new(recorder: &str, available: Vec<String>, recorded: Vec<String>) -> TimelineFlags {
        TimelineFlags {
            ty: tag("TimelineFlags"),
            recorder_name: recorder.into(),
            available_streams: available,
            recorded_streams: recorded,
        }
    }
}

/// `Timestamp`: microseconds on the timeline's clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timestamp {
    #[serde(rename = "type")]
    pub ty: String,
    pub timestamp: i64,
}

impl Timestamp {
    pub fn new(timestamp: i64) -> Timestamp {
        Timestamp {
            ty: tag("Timestamp"),
            timestamp,
        }
    }
}

/// `Protocol` and `ProtocolList`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Protocol {
    pub protocol_name: String,
    pub major: u32,
    pub minor: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProtocolList {
    #[serde(rename = "type")]
    pub ty: String,
    pub protocols: Vec<Protocol>,
}

impl ProtocolList {
    /// The one protocol dartrs serves: the VM Service at [`crate::PROTOCOL_VERSION`].
    pub fn vm_service() -> ProtocolList {
        let (major, minor) = crate::PROTOCOL_VERSION;
        ProtocolList {
            ty: tag("ProtocolList"),
            protocols: vec![Protocol {
                protocol_name: "VM Service".into(),
                major,
                minor,
            }],
        }
    }
}

/// `Flag` and `FlagList`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    pub name: String,
    pub comment: String,
    pub modified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_as_string: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlagList {
    #[serde(rename = "type")]
    pub ty: String,
    pub flags: Vec<Flag>,
}

impl FlagList {
    pub fn new(flags: Vec<Flag>) -> FlagList {
        FlagList {
            ty: tag("FlagList"),
            flags,
        }
    }
}

/// Serializes a protocol object (they contain only strings, numbers and maps, which
/// always serialize).
pub fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_shape() {
        assert_eq!(
            to_value(&Version::current()),
            json!({"type": "Version", "major": 4, "minor": 0})
        );
    }

    #[test]
    fn isolate_ref_and_event_shapes() {
        let r = IsolateRef::new(7, "main", 1);
        let mut e = Event::new("PauseStart", Some(r), 1234);
        e.extra.insert("extra".into(), json!(1));
        assert_eq!(
            to_value(&e),
            json!({
                "type": "Event",
                "kind": "PauseStart",
                "isolate": {
                    "type": "@Isolate", "id": "isolates/7", "number": "7", "name": "main",
                    "isSystemIsolate": false, "isolateGroupId": "isolateGroups/1"
                },
                "timestamp": 1234,
                "extra": 1
            })
        );
    }

    #[test]
    fn vm_shape_uses_spec_spellings() {
        let v = to_value(&Vm::new("vm", "1.0", 5));
        for key in [
            "architectureBits",
            "hostCPU",
            "targetCPU",
            "operatingSystem",
            "pid",
            "startTime",
            "isolates",
            "isolateGroups",
            "systemIsolates",
            "systemIsolateGroups",
        ] {
            assert!(v.get(key).is_some(), "VM lacks {key}: {v}");
        }
        assert_eq!(v["type"], "VM");
    }

    #[test]
    fn frame_and_function_shapes() {
        let lib = LibraryRef::new(0, "", "file:///a.dart");
        let f = FuncRef::new(3, "main", FunctionOwner::Library(lib), true);
        let loc = SourceLocation::new(ScriptRef::new(0, "file:///a.dart"), 17, 2, 5);
        let frame = Frame::regular(0, f, CodeRef::dart(3, "main"), Some(loc));
        let v = to_value(&Stack::new(vec![frame], false));
        assert_eq!(v["frames"][0]["function"]["type"], "@Function");
        assert_eq!(v["frames"][0]["function"]["owner"]["type"], "@Library");
        assert_eq!(v["frames"][0]["function"]["static"], true);
        assert_eq!(v["frames"][0]["location"]["line"], 2);
        assert_eq!(v["frames"][0]["kind"], "Regular");
        assert_eq!(v["messages"], json!([]));
    }

    #[test]
    fn memory_and_timeline_shapes() {
        assert_eq!(
            to_value(&MemoryUsage::new(10, 20, 0)),
            json!({"type": "MemoryUsage", "externalUsage": 0, "heapCapacity": 20, "heapUsage": 10})
        );
        let t = to_value(&Timeline::new(vec![], 5, 6));
        assert_eq!(
            t,
            json!({"type": "Timeline", "traceEvents": [], "timeOriginMicros": 5, "timeExtentMicros": 6})
        );
        let f = to_value(&TimelineFlags::new("Ring", vec!["Dart".into()], vec![]));
        assert_eq!(f["recorderName"], "Ring");
        assert_eq!(to_value(&Timestamp::new(9))["timestamp"], 9);
        assert_eq!(
            to_value(&ProtocolList::vm_service())["protocols"][0]["protocolName"],
            "VM Service"
        );
        assert_eq!(
            to_value(&Sentinel::collected()),
            json!({"type": "Sentinel", "kind": "Collected", "valueAsString": "<collected>"})
        );
    }
}
