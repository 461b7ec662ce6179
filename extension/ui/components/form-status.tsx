// What a settings form says after Save: "Saved" (announced politely) or the error (announced
// at once). One component so every options section reports alike.
export function FormStatus(props: { saved?: boolean; error: string | undefined }) {
  return (
    <>
      {props.saved ? (
        <span className="saved" role="status">
          Saved
        </span>
      ) : null}
      {props.error ? (
        <span className="alert" role="alert">
          {props.error}
        </span>
      ) : null}
    </>
  );
}
