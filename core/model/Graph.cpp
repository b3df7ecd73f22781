//===--- Graph.cpp - Functions, their calls, and the blocking calls they reach

#include "Graph.h"
#include "llvm/ADT/STLExtras.h"

namespace corolint {

NodeId Graph::node(StrId Usr) {
  if (Usr != NoStr)
    if (auto It = ByUsr.find(Usr); It != ByUsr.end())
      return It->second;
  NodeId N = Nodes.size();
  Nodes.emplace_back().Usr = Usr;
  if (Usr != NoStr)
    ByUsr[Usr] = N;
  Solved = {};
  Closures.clear();
  return N;
}

std::optional<NodeId> Graph::find(StrId Usr) const {
  auto It = ByUsr.find(Usr);
  if (It == ByUsr.end())
    return std::nullopt;
  return It->second;
}

void Graph::addEdge(NodeId N, const Edge &E) {
  Node &Mine = Nodes[N];
  if (Mine.NumEdges == 0) {
    Mine.FirstEdge = Edges.size();
  } else if (Mine.FirstEdge + Mine.NumEdges != Edges.size()) {
    // Its calls are not the last ones: they move to the end first.
    Edges.reserve(Edges.size() + Mine.NumEdges + 1);
    uint32_t From = Mine.FirstEdge;
    Mine.FirstEdge = Edges.size();
    for (uint32_t I = 0; I < Mine.NumEdges; ++I)
      Edges.push_back(Edges[From + I]);
  }
  Edges.push_back(E);
  ++Mine.NumEdges;
}

void Graph::setEdges(NodeId N, llvm::ArrayRef<Edge> New) {
  Nodes[N].NumEdges = 0;
  for (const Edge &E : New)
    addEdge(N, E);
}

const Sink &Graph::sink(NodeId N, BlockKind Kind) const {
  static const Sink None;
  uint32_t Set = Nodes[N].SinkSet;
  return Set == Node::NoSinks ? None
                              : SinkSets[Set][static_cast<unsigned>(Kind)];
}

Sink &Graph::sinkToSet(NodeId N, BlockKind Kind) {
  uint32_t &Set = Nodes[N].SinkSet;
  if (Set == Node::NoSinks) {
    Set = SinkSets.size();
    SinkSets.emplace_back();
  }
  Solved = {};
  return SinkSets[Set][static_cast<unsigned>(Kind)];
}

uint32_t Graph::addPrimitive(const Primitive &P) {
  for (uint32_t I = 0; I < Primitives.size(); ++I) {
    const Primitive &Q = Primitives[I];
    if (Q.Kind == P.Kind && Q.Name == P.Name && Q.Waits == P.Waits &&
        Q.Suggestion == P.Suggestion)
      return I;
  }
  Primitives.push_back(P);
  return Primitives.size() - 1;
}

void Graph::merge(const Graph &Other) {
  std::vector<NodeId> Map(Other.size());
  for (NodeId I = 0; I < Other.size(); ++I)
    Map[I] = node(Other[I].Usr);
  for (NodeId I = 0; I < Other.size(); ++I) {
    Node &Mine = Nodes[Map[I]];
    const Node &Theirs = Other[I];
    if (Mine.Name == NoStr)
      Mine.Name = Theirs.Name;
    if (Theirs.Dispatch) {
      Mine.Defined = Mine.Dispatch = true;
      for (Edge E : Other.edges(I)) {
        E.To = Map[E.To];
        if (llvm::none_of(edges(Map[I]),
                          [&](const Edge &Known) { return Known.To == E.To; }))
          addEdge(Map[I], E);
      }
      continue;
    }
    if (Mine.Defined || !Theirs.Defined)
      continue;
    Mine.Defined = true;
    Mine.Name = Theirs.Name;
    Mine.Coroutine = Theirs.Coroutine;
    Mine.NonBlocking = Theirs.NonBlocking;
    Nodes[Map[I]].NumEdges = 0;
    for (Edge E : Other.edges(I)) {
      E.To = Map[E.To];
      addEdge(Map[I], E);
    }
    for (unsigned K = 0; K < NumBlockKinds; ++K) {
      Sink S = Other.sink(I, static_cast<BlockKind>(K));
      if (S.empty())
        continue;
      S.Primitive = addPrimitive(Other.primitive(S.Primitive));
      sinkToSet(Map[I], static_cast<BlockKind>(K)) = S;
    }
  }
  Solved = {};
  Closures.clear();
}

// A breadth-first search backwards from the functions that make a blocking
// call of kind K themselves, one distance at a time, over every call:
// linear in the calls. Recursion needs nothing special: a function is
// reached once. Of the calls that reach a function's shortest distance, the
// first it makes is taken, whatever order the search met them in.
void Graph::solve(unsigned K) {
  Solved[K] = true;
  std::vector<Reach> &R = Reaches[K];
  R.clear();
  // No function makes a blocking call of kind K: none has a chain (and a
  // graph of a million functions keeps no distances for it).
  if (llvm::all_of(SinkSets, [&](const std::array<Sink, NumBlockKinds> &Set) {
        return Set[K].empty();
      }))
    return;
  R.assign(Nodes.size(), Reach());
  auto Follows = [&](const Node &N) {
    return N.Defined && !N.Coroutine && !N.NonBlocking;
  };
  // The callers of each node, as (caller, edge) pairs, grouped by callee.
  std::vector<uint32_t> Start(Nodes.size() + 1, 0);
  for (NodeId U = 0; U < Nodes.size(); ++U)
    if (Follows(Nodes[U]))
      for (const Edge &E : edges(U))
        ++Start[E.To + 1];
  for (size_t I = 1; I < Start.size(); ++I)
    Start[I] += Start[I - 1];
  std::vector<std::pair<NodeId, uint32_t>> Callers(Start.back());
  std::vector<uint32_t> Fill(Start.begin(), Start.end() - 1);
  for (NodeId U = 0; U < Nodes.size(); ++U)
    if (Follows(Nodes[U]))
      for (uint32_t E = 0; E < Nodes[U].NumEdges; ++E)
        Callers[Fill[edges(U)[E].To]++] = {U, E};

  std::vector<NodeId> Frontier, Next;
  for (NodeId U = 0; U < Nodes.size(); ++U)
    if (Follows(Nodes[U]) && !sink(U, static_cast<BlockKind>(K)).empty()) {
      R[U].Distance = 1;
      Frontier.push_back(U);
    }
  for (uint32_t D = 1; !Frontier.empty(); ++D) {
    Next.clear();
    for (NodeId V : Frontier)
      for (uint32_t I = Start[V]; I < Start[V + 1]; ++I) {
        auto [U, E] = Callers[I];
        if (R[U].Distance == 0) {
          R[U] = {D + 1, E};
          Next.push_back(U);
        } else if (R[U].Distance == D + 1 && E < R[U].Edge) {
          R[U].Edge = E;
        }
      }
    std::swap(Frontier, Next);
  }
}

std::optional<Chain> Graph::chain(NodeId N, BlockKind Kind) {
  unsigned K = static_cast<unsigned>(Kind);
  if (!Solved[K])
    solve(K);
  if (Reaches[K].empty() || Reaches[K][N].Distance == 0)
    return std::nullopt;
  // The calls down the chain, as hops: a virtual call that runs the
  // function's own body is a plain call, not a hop of its own.
  auto Walk = [&](auto Visit) {
    NodeId U = N;
    while (Reaches[K][U].Distance > 1) {
      const Edge &E = edges(U)[Reaches[K][U].Edge];
      if (!E.Dispatch || Nodes[U].Name != Nodes[E.To].Name)
        Visit(U, E);
      U = E.To;
    }
    return U;
  };
  // A chain longer than it keeps: its hops (the last calls End) counted
  // first, and those between its halves only counted.
  size_t Length = 1;
  if (Reaches[K][N].Distance > MaxChainHops)
    Walk([&](NodeId, const Edge &) { ++Length; });
  const size_t Half = MaxChainHops / 2;
  const bool Long = Length > MaxChainHops;
  Chain C;
  size_t Step = 0;
  NodeId U = Walk([&](NodeId From, const Edge &E) {
    if (Long && Step >= Half && Length - Step > Half) {
      ++C.Omitted;
    } else {
      bool Implicit = E.ImplicitAt.valid();
      C.Hops.push_back({Nodes[From].Name, Nodes[E.To].Name,
                        Implicit ? E.ImplicitAt : E.At, Implicit, E.Dispatch});
    }
    ++Step;
  });
  const Sink &S = sink(U, Kind);
  bool Implicit = S.ImplicitAt.valid();
  C.Hops.push_back(
      {Nodes[U].Name, S.Callee, Implicit ? S.ImplicitAt : S.At, Implicit});
  C.End = Primitives[S.Primitive];
  return C;
}

// Depth first from N. A search that meets an open function makes open the
// ones on its way there and leaves the others it saw unknown; one that
// meets none makes closed every function it saw, those in a cycle too.
bool Graph::closed(NodeId N) {
  if (Closures.size() != Nodes.size())
    Closures.assign(Nodes.size(), Closure::Unknown);
  std::vector<NodeId> Seen;
  std::vector<std::pair<NodeId, uint32_t>> Way; // with the next call to try
  // False when U is open.
  auto Enter = [&](NodeId U) {
    Closure &State = Closures[U];
    if (State != Closure::Unknown)
      return State != Closure::Open;
    const Node &X = Nodes[U];
    if (!X.Defined || X.Dispatch) {
      State = Closure::Open;
      return false;
    }
    State = Closure::Searching;
    Seen.push_back(U);
    if (!X.Coroutine && !X.NonBlocking)
      Way.push_back({U, 0});
    return true;
  };
  bool Open = !Enter(N);
  while (!Open && !Way.empty()) {
    const auto [U, Next] = Way.back();
    if (Next == Nodes[U].NumEdges) {
      Way.pop_back();
      continue;
    }
    ++Way.back().second;
    Open = !Enter(edges(U)[Next].To);
  }
  for (const auto &[U, Next] : Way)
    Closures[U] = Closure::Open;
  for (NodeId U : Seen)
    if (Closures[U] == Closure::Searching)
      Closures[U] = Open ? Closure::Unknown : Closure::Closed;
  return !Open;
}

} // namespace corolint
