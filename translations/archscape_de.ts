<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AddBlockCommand</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>ArchitectureGraph</name>
    <message>
        <source>input %1</source>
        <translation>Eingabe %1</translation>
    </message>
    <message>
        <source>%1 %2%3, %4 ch</source>
        <comment>operation, kernel, stride, output channels</comment>
        <translation>%1 %2%3, %4 Kanäle</translation>
    </message>
    <message>
        <source>dwconv</source>
        <translation>DW-Faltung</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>Faltung</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>Batch-Norm</translation>
    </message>
    <message>
        <source>max pool</source>
        <translation>Max-Pooling</translation>
    </message>
    <message>
        <source>avg pool</source>
        <translation>Avg-Pooling</translation>
    </message>
    <message>
        <source>global max pool</source>
        <translation>globales Max-Pooling</translation>
    </message>
    <message>
        <source>global avg pool</source>
        <translation>globales Avg-Pooling</translation>
    </message>
    <message>
        <source>linear, %1 out</source>
        <translation>linear, %1 Ausgänge</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>Dropout %1</translation>
    </message>
    <message>
        <source>add</source>
        <translation>Addition</translation>
    </message>
    <message>
        <source>concat</source>
        <translation>Verkettung</translation>
    </message>
    <message>
        <source>multiply</source>
        <translation>Multiplikation</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>Null</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>Zelle %1</translation>
    </message>
    <message>
        <source>cell %1, output %2</source>
        <translation>Zelle %1, Ausgabe %2</translation>
    </message>
    <message>
        <source>%1
output %2</source>
        <translation>%1
Ausgabe %2</translation>
    </message>
    <message>
        <source>Cell %1</source>
        <translation>Zelle %1</translation>
    </message>
    <message>
        <source>cell input</source>
        <translation>Zelleneingang</translation>
    </message>
    <message>
        <source>cell output</source>
        <translation>Zellenausgang</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>unbenutzt</translation>
    </message>
    <message>
        <source>No operation reaches or leaves this node.</source>
        <translation>Keine Operation führt zu diesem Knoten oder von ihm weg.</translation>
    </message>
</context>
<context>
    <name>BlockHelpText</name>
    <message>
        <source>The network input: an image of C×H×W.</source>
        <translation>Die Eingabe des Netzes: ein Bild aus C×H×W.</translation>
    </message>
    <message>
        <source>image channels</source>
        <translation>Bildkanäle</translation>
    </message>
    <message>
        <source>image height</source>
        <translation>Bildhöhe</translation>
    </message>
    <message>
        <source>image width</source>
        <translation>Bildbreite</translation>
    </message>
    <message>
        <source>First convolution: conv, batch norm, activation.</source>
        <translation>Erste Faltung: Faltung, Batch-Norm, Aktivierung.</translation>
    </message>
    <message>
        <source>output channels</source>
        <translation>Ausgabekanäle</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>Kernelgröße</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>activation function</source>
        <translation>Aktivierungsfunktion</translation>
    </message>
    <message>
        <source>batch norm after the convolution</source>
        <translation>Batch-Norm nach der Faltung</translation>
    </message>
    <message>
        <source>the convolution has a bias</source>
        <translation>die Faltung hat einen Bias</translation>
    </message>
    <message>
        <source>Convolution with batch norm and activation.</source>
        <translation>Faltung mit Batch-Norm und Aktivierung.</translation>
    </message>
    <message>
        <source>post: conv-BN-act; pre: act-conv-BN (ReLU-Conv-BN)</source>
        <translation>post: Faltung-BN-Aktivierung; pre: Aktivierung-Faltung-BN (ReLU-Conv-BN)</translation>
    </message>
    <message>
        <source>Depthwise k×k conv, then pointwise 1×1 conv, each with batch norm and activation.</source>
        <translation>Tiefenweise k×k-Faltung, dann punktweise 1×1-Faltung, jeweils mit Batch-Norm und Aktivierung.</translation>
    </message>
    <message>
        <source>Inverted residual: 1×1 expansion, depthwise k×k, optional squeeze-excite, 1×1 projection; residual when shapes allow.</source>
        <translation>Invertiertes Residuum: 1×1-Expansion, tiefenweise k×k, optional Squeeze-Excite, 1×1-Projektion; Residualverbindung, wenn die Formen es erlauben.</translation>
    </message>
    <message>
        <source>expansion ratio</source>
        <translation>Expansionsfaktor</translation>
    </message>
    <message>
        <source>squeeze-excite ratio (0: none)</source>
        <translation>Squeeze-Excite-Verhältnis (0: keines)</translation>
    </message>
    <message>
        <source>Max or average pooling.</source>
        <translation>Max- oder Average-Pooling.</translation>
    </message>
    <message>
        <source>pooling type</source>
        <translation>Pooling-Art</translation>
    </message>
    <message>
        <source>Passes its input through.</source>
        <translation>Reicht seine Eingabe unverändert durch.</translation>
    </message>
    <message>
        <source>Outputs zeros: removes the path it is on.</source>
        <translation>Gibt Nullen aus: entfernt den Pfad, auf dem er liegt.</translation>
    </message>
    <message>
        <source>One of several alternative blocks.</source>
        <translation>Einer von mehreren alternativen Blöcken.</translation>
    </message>
    <message>
        <source>Its body block stacked depth times; only the first repetition strides.</source>
        <translation>Sein Rumpf-Block depth-mal gestapelt; nur die erste Wiederholung hat eine Schrittweite.</translation>
    </message>
    <message>
        <source>number of repetitions</source>
        <translation>Anzahl der Wiederholungen</translation>
    </message>
    <message>
        <source>A reusable cell: each edge of its inner DAG chooses an operation.</source>
        <translation>Eine wiederverwendbare Zelle: jede Kante ihres inneren DAG wählt eine Operation.</translation>
    </message>
    <message>
        <source>name of the cell definition</source>
        <translation>Name der Zelldefinition</translation>
    </message>
    <message>
        <source>Element-wise sum of its inputs.</source>
        <translation>Elementweise Summe seiner Eingänge.</translation>
    </message>
    <message>
        <source>number of inputs</source>
        <translation>Anzahl der Eingänge</translation>
    </message>
    <message>
        <source>Concatenates its inputs along channels.</source>
        <translation>Verkettet seine Eingänge entlang der Kanäle.</translation>
    </message>
    <message>
        <source>Pools each channel to one value.</source>
        <translation>Fasst jeden Kanal zu einem Wert zusammen.</translation>
    </message>
    <message>
        <source>Fully connected layer.</source>
        <translation>Vollständig verbundene Schicht.</translation>
    </message>
    <message>
        <source>output features</source>
        <translation>Ausgabemerkmale</translation>
    </message>
    <message>
        <source>Classifier: optional BN+ReLU, global average pooling, dropout, linear.</source>
        <translation>Klassifikator: optional BN+ReLU, globales Average-Pooling, Dropout, linear.</translation>
    </message>
    <message>
        <source>number of classes</source>
        <translation>Anzahl der Klassen</translation>
    </message>
    <message>
        <source>batch norm and ReLU before pooling</source>
        <translation>Batch-Norm und ReLU vor dem Pooling</translation>
    </message>
    <message>
        <source>dropout before the classifier</source>
        <translation>Dropout vor dem Klassifikator</translation>
    </message>
    <message>
        <source>The network output.</source>
        <translation>Die Ausgabe des Netzes.</translation>
    </message>
</context>
<context>
    <name>BlockStyle</name>
    <message>
        <source>Input and output</source>
        <translation>Ein- und Ausgabe</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Faltung</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>Searchable structure</source>
        <translation>Durchsuchbare Struktur</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <source>Pass-through</source>
        <translation>Durchreichen</translation>
    </message>
    <message>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Connect %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
</context>
<context>
    <name>DisconnectCommand</name>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>%1 von %2 trennen</translation>
    </message>
</context>
<context>
    <name>GraphvizLayout</name>
    <message>
        <source>Graphviz could not lay out the architecture graph</source>
        <translation>Graphviz konnte den Architekturgraphen nicht anordnen</translation>
    </message>
</context>
<context>
    <name>LastCrashNotice</name>
    <message>
        <source>The last session ended because %1</source>
        <translation>Die letzte Sitzung wurde unerwartet beendet: %1</translation>
    </message>
</context>
<context>
    <name>MoveBlocksCommand</name>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n block(s)</source>
        <translation>
            <numerusform>%n Block verschieben</numerusform>
            <numerusform>%n Blöcke verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParameterText</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>%1 takes whole numbers; &apos;%2&apos; is not one.</source>
        <translation>%1 nimmt ganze Zahlen; „%2“ ist keine.</translation>
    </message>
    <message>
        <source>%1 takes numbers; &apos;%2&apos; is not one.</source>
        <translation>%1 nimmt Zahlen; „%2“ ist keine.</translation>
    </message>
    <message>
        <source>%1 is true or false; &apos;%2&apos; is neither.</source>
        <translation>%1 ist true oder false; „%2“ ist keines von beiden.</translation>
    </message>
    <message>
        <source>%1 is one of %2; &apos;%3&apos; is not.</source>
        <translation>%1 ist eines von %2; „%3“ ist es nicht.</translation>
    </message>
    <message>
        <source>%1 must lie between %2 and %3; %4 does not.</source>
        <translation>%1 muss zwischen %2 und %3 liegen; %4 tut es nicht.</translation>
    </message>
    <message>
        <source>%1 appears twice in the list.</source>
        <translation>%1 kommt zweimal in der Liste vor.</translation>
    </message>
    <message>
        <source>A choice needs at least one value.</source>
        <translation>Eine Auswahl braucht mindestens einen Wert.</translation>
    </message>
    <message>
        <source>one of {%1}</source>
        <translation>eines von {%1}</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>(kein Rumpf)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1×%2×%3 (C×H×W)</source>
        <translation>%1×%2×%3 (C×H×W)</translation>
    </message>
    <message>
        <source>cell &apos;%1&apos; (undefined)</source>
        <translation>Zelle „%1“ (nicht definiert)</translation>
    </message>
    <message>
        <source>cell %1: %2 nodes, %3 ops</source>
        <translation>Zelle %1: %2 Knoten, %3 Operationen</translation>
    </message>
</context>
<context>
    <name>RemoveBlocksCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung löschen</numerusform>
            <numerusform>%n Verbindungen löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n block(s)</source>
        <translation>
            <numerusform>%n Block löschen</numerusform>
            <numerusform>%n Blöcke löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenameCommand</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>SetCellCommand</name>
    <message>
        <source>Remove cell %1</source>
        <translation>Zelle %1 entfernen</translation>
    </message>
    <message>
        <source>Change cell %1</source>
        <translation>Zelle %1 ändern</translation>
    </message>
    <message>
        <source>Create cell %1</source>
        <translation>Zelle %1 anlegen</translation>
    </message>
</context>
<context>
    <name>SetParameterCommand</name>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 setzen</translation>
    </message>
</context>
<context>
    <name>SetSharedChoiceCommand</name>
    <message>
        <source>Remove shared choice %1</source>
        <translation>Gemeinsame Auswahl %1 entfernen</translation>
    </message>
    <message>
        <source>Change shared choice %1</source>
        <translation>Gemeinsame Auswahl %1 ändern</translation>
    </message>
    <message>
        <source>Create shared choice %1</source>
        <translation>Gemeinsame Auswahl %1 anlegen</translation>
    </message>
</context>
<context>
    <name>SetSpaceInfoCommand</name>
    <message>
        <source>Edit space name and description</source>
        <translation>Name und Beschreibung des Suchraums bearbeiten</translation>
    </message>
</context>
<context>
    <name>archscape::ArchitectureChooser</name>
    <message>
        <source>The space&apos;s default</source>
        <translation>Standard des Suchraums</translation>
    </message>
    <message>
        <source>Random, drawn with the seed</source>
        <translation>Zufällig, mit dem Seed gezogen</translation>
    </message>
    <message>
        <source>Typed encoding</source>
        <translation>Eingegebene Kodierung</translation>
    </message>
    <message>
        <source>Draws the random architecture and initialises the weights</source>
        <translation>Zieht die zufällige Architektur und initialisiert die Gewichte</translation>
    </message>
    <message>
        <source>key=option;key=option (left out: the default)</source>
        <translation>key=option;key=option (weggelassen: der Standard)</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;This space cannot be exported:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;Dieser Suchraum kann nicht exportiert werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%L1 parameters, %L2 multiply-adds.</source>
        <translation>%L1 Parameter, %L2 Multiplikations-Additionen.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Not an architecture of this space:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;Keine Architektur dieses Suchraums:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>archscape::ArchitectureView</name>
    <message>
        <source>Compare: pin this trial</source>
        <translation>Vergleichen: diesen Versuch anheften</translation>
    </message>
    <message>
        <source>Keep the trial shown now in a second pane, beside the selected one</source>
        <translation>Den jetzt gezeigten Versuch in einem zweiten Bereich neben dem ausgewählten behalten</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Select a trial to see its architecture.</source>
        <translation>Wählen Sie einen Versuch, um seine Architektur zu sehen.</translation>
    </message>
    <message>
        <source>Trial %1 (id %2)</source>
        <translation>Versuch %1 (ID %2)</translation>
    </message>
    <message>
        <source>Trial id %1 is not in this study.</source>
        <translation>Versuchs-ID %1 gehört nicht zu dieser Studie.</translation>
    </message>
    <message>
        <source>No search space to read trial %1&apos;s architecture with.</source>
        <translation>Kein Suchraum, mit dem sich die Architektur von Versuch %1 lesen ließe.</translation>
    </message>
    <message>
        <source>Cannot read trial %1&apos;s architecture: %2</source>
        <translation>Die Architektur von Versuch %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>Cannot write the SVG file %1: %2</source>
        <translation>Die SVG-Datei %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Export the architecture</source>
        <translation>Architektur exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation>Nach ONNX exportieren…</translation>
    </message>
</context>
<context>
    <name>archscape::BackgroundSearch</name>
    <message>
        <source>Done: %L1 trials in %2 s.</source>
        <translation>Fertig: %L1 Versuche in %2 s.</translation>
    </message>
    <message>
        <source>Stopped after %L1 trials; Resume continues it.</source>
        <translation>Nach %L1 Versuchen angehalten; „Fortsetzen“ setzt die Suche fort.</translation>
    </message>
    <message>
        <source>The strategy has nothing left to propose after %L1 trials.</source>
        <translation>Die Strategie hat nach %L1 Versuchen nichts mehr vorzuschlagen.</translation>
    </message>
    <message>
        <source>this study has run already; Resume continues it, or create a new study for other settings</source>
        <translation>diese Studie ist schon gelaufen; „Fortsetzen“ setzt sie fort, für andere Einstellungen legen Sie eine neue Studie an</translation>
    </message>
    <message>
        <source>this study has not run yet: Start it first</source>
        <translation>diese Studie ist noch nicht gelaufen: starten Sie sie zuerst</translation>
    </message>
    <message>
        <source>%1 search with the %2 evaluator, %L3 trials, seed %4, %5 worker(s) on %6.</source>
        <translation>Suche mit %1 und dem Evaluator %2, %L3 Versuche, Seed %4, %5 Worker auf %6.</translation>
    </message>
    <message>
        <source>%1 trial(s) left running by an interrupted run were queued again.</source>
        <translation>%1 Versuch(e), die ein abgebrochener Lauf offen ließ, wurden erneut eingereiht.</translation>
    </message>
    <message>
        <source>The search could not run: %1</source>
        <translation>Die Suche konnte nicht laufen: %1</translation>
    </message>
</context>
<context>
    <name>archscape::BlockPalette</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;&lt;i&gt;Drag onto the canvas to add.&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;&lt;i&gt;Zum Hinzufügen auf die Arbeitsfläche ziehen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>plugin %1</source>
        <translation>Plugin %1</translation>
    </message>
</context>
<context>
    <name>archscape::BlockPalettePanel</name>
    <message>
        <source>Filter blocks</source>
        <translation>Blöcke filtern</translation>
    </message>
    <message>
        <source>Shows the block kinds whose name, help, group or plugin contains this text; Return adds the first one.</source>
        <translation>Zeigt die Blockarten, deren Name, Hilfe, Gruppe oder Plugin diesen Text enthält; die Eingabetaste fügt die erste hinzu.</translation>
    </message>
</context>
<context>
    <name>archscape::BreadcrumbBar</name>
    <message>
        <source>Search space</source>
        <translation>Suchraum</translation>
    </message>
    <message>
        <source>Back to the top-level graph (Esc)</source>
        <translation>Zurück zum obersten Graphen (Esc)</translation>
    </message>
</context>
<context>
    <name>archscape::CurvesView</name>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Keine Studie geöffnet</translation>
    </message>
    <message>
        <source>No trial selected</source>
        <translation>Kein Versuch ausgewählt</translation>
    </message>
    <message>
        <source>Select a trial in the table or a plot</source>
        <translation>Wählen Sie einen Versuch in der Tabelle oder einem Diagramm</translation>
    </message>
    <message>
        <source>Trial %1: training curves</source>
        <translation>Versuch %1: Trainingskurven</translation>
    </message>
    <message>
        <source>Trial id %1 is not in this study</source>
        <translation>Versuchs-ID %1 gehört nicht zu dieser Studie</translation>
    </message>
    <message>
        <source>No per-epoch curves for this trial (its evaluator stores final values only)</source>
        <translation>Keine Kurven je Epoche für diesen Versuch (sein Evaluator speichert nur Endwerte)</translation>
    </message>
</context>
<context>
    <name>archscape::MainWindow</name>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>New &amp;Study…</source>
        <translation>Neue S&amp;tudie…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>Beis&amp;piele</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alle&amp;s auswählen</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>An Ansicht an&amp;passen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation>Ü&amp;bersichtskarte</translation>
    </message>
    <message>
        <source>%1 (example)</source>
        <translation>%1 (Beispiel)</translation>
    </message>
    <message>
        <source>%1 (study)</source>
        <translation>%1 (Studie)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1[*] — Archscape</source>
        <translation>%1[*] — Archscape</translation>
    </message>
    <message>
        <source>Cannot open the search space</source>
        <translation>Der Suchraum lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>The file %1 could not be opened.

%2</source>
        <translation>Die Datei %1 konnte nicht geöffnet werden.

%2</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>Cannot open the study</source>
        <translation>Die Studie lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>The study %1 could not be opened.

%2</source>
        <translation>Die Studie %1 konnte nicht geöffnet werden.

%2</translation>
    </message>
    <message>
        <source>Opened the study %1: %L2 trials.</source>
        <translation>Studie %1 geöffnet: %L2 Versuche.</translation>
    </message>
    <message>
        <source>Cannot create the study</source>
        <translation>Die Studie lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>New Study from This Space</source>
        <translation>Neue Studie aus diesem Suchraum</translation>
    </message>
    <message>
        <source>study.db</source>
        <translation>studie.db</translation>
    </message>
    <message>
        <source>Studies (*.db)</source>
        <translation>Studien (*.db)</translation>
    </message>
    <message>
        <source>Cannot save the search space</source>
        <translation>Der Suchraum lässt sich nicht speichern</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Open Search Space</source>
        <translation>Suchraum öffnen</translation>
    </message>
    <message>
        <source>Search spaces and studies (*.json *.db);;Search spaces (*.json);;Studies (*.db);;All files (*)</source>
        <translation>Suchräume und Studien (*.json *.db);;Suchräume (*.json);;Studien (*.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>space</source>
        <translation>suchraum</translation>
    </message>
    <message>
        <source>Save Search Space</source>
        <translation>Suchraum speichern</translation>
    </message>
    <message>
        <source>Search spaces (*.json)</source>
        <translation>Suchräume (*.json)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The search space has unsaved changes. Save them?</source>
        <translation>Der Suchraum hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>No examples found</source>
        <translation>Keine Beispiele gefunden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <source>&amp;Close Study</source>
        <translation>Studie s&amp;chließen</translation>
    </message>
</context>
<context>
    <name>archscape::OnnxExportActions</name>
    <message>
        <source>E&amp;xport to ONNX…</source>
        <translation>Nach ONNX e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export this space&apos;s architecture to ONNX…</source>
        <translation>Architektur dieses Suchraums nach ONNX exportieren…</translation>
    </message>
    <message>
        <source>Write the selected trial&apos;s network with its weights, or an architecture of the space, as an ONNX model</source>
        <translation>Das Netz des gewählten Versuchs mit seinen Gewichten oder eine Architektur des Suchraums als ONNX-Modell schreiben</translation>
    </message>
</context>
<context>
    <name>archscape::OnnxExportDialog</name>
    <message>
        <source>Check with onnxruntime</source>
        <translation>Mit onnxruntime prüfen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export Trial %1 to ONNX</source>
        <translation>Versuch %1 nach ONNX exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Keep (BatchNormalization nodes)</source>
        <translation>Behalten (BatchNormalization-Knoten)</translation>
    </message>
    <message>
        <source>Fold into the preceding convolution</source>
        <translation>In die vorangehende Faltung einrechnen</translation>
    </message>
    <message>
        <source>Run the same input through LibTorch and onnxruntime and compare (max abs difference at most 1e-5)</source>
        <translation>Dieselbe Eingabe durch LibTorch und onnxruntime schicken und vergleichen (größte absolute Abweichung höchstens 1e-5)</translation>
    </message>
    <message>
        <source>Output file:</source>
        <translation>Ausgabedatei:</translation>
    </message>
    <message>
        <source>Opset:</source>
        <translation>Opset:</translation>
    </message>
    <message>
        <source>Batch norm:</source>
        <translation>Batch-Norm:</translation>
    </message>
    <message>
        <source>onnxruntime check unavailable: %1</source>
        <translation>Prüfung mit onnxruntime nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>Nach ONNX exportieren</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX-Modelle (*.onnx)</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Wählen Sie die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>Exporting, then checking with onnxruntime…</source>
        <translation>Wird exportiert, dann mit onnxruntime geprüft…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Nothing was written.&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;Es wurde nichts geschrieben.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>trained weights (stored with the trial)</source>
        <translation>trainierte Gewichte (mit dem Versuch gespeichert)</translation>
    </message>
    <message>
        <source>fresh weights, %1: the trial stored none</source>
        <translation>frische Gewichte, %1: der Versuch hat keine gespeichert</translation>
    </message>
    <message>
        <source>Wrote &lt;b&gt;%1&lt;/b&gt; (%2).&lt;br&gt;%L3 parameters, %4; opset %5, batch norm %6.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; geschrieben (%2).&lt;br&gt;%L3 Parameter, %4; Opset %5, Batch-Norm %6.</translation>
    </message>
    <message>
        <source>folded</source>
        <translation>eingerechnet</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source> (the engine counts %L1: folding merges batch norm into convolutions)</source>
        <translation> (die Engine zählt %L1: das Einrechnen verschmilzt Batch-Norm mit den Faltungen)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b00020&apos;&gt;The onnxruntime check failed:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b00020&apos;&gt;Die Prüfung mit onnxruntime ist fehlgeschlagen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;onnxruntime against LibTorch on a batch of %1: max abs difference %2 (limit %3): %4</source>
        <translation>&lt;br&gt;onnxruntime gegen LibTorch mit einem Batch von %1: größte absolute Abweichung %2 (Grenze %3): %4</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1b7f3b&apos;&gt;passed&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#1b7f3b&apos;&gt;bestanden&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;FAILED&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;FEHLGESCHLAGEN&lt;/b&gt;</translation>
    </message>
    <message>
        <source>cannot make a scratch folder: %1</source>
        <translation>der Arbeitsordner lässt sich nicht anlegen: %1</translation>
    </message>
    <message>
        <source>Export an Architecture to ONNX</source>
        <translation>Eine Architektur nach ONNX exportieren</translation>
    </message>
    <message>
        <source>Export an Architecture of %1 to ONNX</source>
        <translation>Eine Architektur von %1 nach ONNX exportieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights: freshly initialised (untrained)&lt;/b&gt;, drawn with the seed. For trained weights, run a search in a study and export one of its trials.</source>
        <translation>&lt;b&gt;Gewichte: frisch initialisiert (untrainiert)&lt;/b&gt;, mit dem Seed gezogen. Für trainierte Gewichte führen Sie in einer Studie eine Suche aus und exportieren einen ihrer Versuche.</translation>
    </message>
    <message>
        <source>freshly initialised weights (untrained, seed %1)</source>
        <translation>frisch initialisierte Gewichte (untrainiert, Seed %1)</translation>
    </message>
    <message>
        <source>&lt;br&gt;Architecture: %1</source>
        <translation>&lt;br&gt;Architektur: %1</translation>
    </message>
    <message>
        <source>(the space has no choices)</source>
        <translation>(der Suchraum hat keine Auswahlen)</translation>
    </message>
</context>
<context>
    <name>archscape::ParetoView</name>
    <message>
        <source>log x</source>
        <translation>log x</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>log y</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PNG, SVG, PDF or CSV…</source>
        <translation>PNG, SVG, PDF oder CSV…</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>dominated</source>
        <translation>dominiert</translation>
    </message>
    <message>
        <source>No complete trial has both %1 and %2.</source>
        <translation>Kein abgeschlossener Versuch hat sowohl %1 als auch %2.</translation>
    </message>
    <message>
        <source>%1 trials, %2 on the front · hypervolume %3 (reference %4 = %5, %6 = %7: the worst drawn value of each, 10 % of the range beyond)</source>
        <translation>%1 Versuche, %2 auf der Front · Hypervolumen %3 (Referenz %4 = %5, %6 = %7: jeweils der schlechteste gezeichnete Wert, 10 % des Bereichs darüber hinaus)</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>höher ist besser</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>niedriger ist besser</translation>
    </message>
    <message>
        <source>Trial %1 (id %2)</source>
        <translation>Versuch %1 (ID %2)</translation>
    </message>
    <message>
        <source>Cannot write the PNG file %1.</source>
        <translation>Die PNG-Datei %1 lässt sich nicht schreiben.</translation>
    </message>
    <message>
        <source>Cannot write the PDF file %1.</source>
        <translation>Die PDF-Datei %1 lässt sich nicht schreiben.</translation>
    </message>
    <message>
        <source>Cannot write the SVG file %1: %2</source>
        <translation>Die SVG-Datei %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Cannot write the CSV file %1: %2</source>
        <translation>Die CSV-Datei %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Export the Pareto view</source>
        <translation>Pareto-Ansicht exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf);;CSV table (*.csv)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;PDF (*.pdf);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation>Nach ONNX exportieren…</translation>
    </message>
</context>
<context>
    <name>archscape::PluginsDialog</name>
    <message>
        <source>strategy %1</source>
        <translation>Strategie %1</translation>
    </message>
    <message>
        <source>evaluator %1</source>
        <translation>Evaluator %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <source>Plugins are loaded at start-up from the built-in folder, the folders of ARCHSCAPE_PLUGIN_PATH and the plugin folders in Preferences.</source>
        <translation>Plugins werden beim Start aus dem eingebauten Ordner, den Ordnern in ARCHSCAPE_PLUGIN_PATH und den Plugin-Ordnern der Einstellungen geladen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Provides</source>
        <translation>Stellt bereit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>block kind %1</source>
        <translation>Blockart %1</translation>
    </message>
</context>
<context>
    <name>archscape::PredictorView</name>
    <message>
        <source>Predictor</source>
        <translation>Prädiktor</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <source>predicted − measured</source>
        <translation>vorhergesagt − gemessen</translation>
    </message>
    <message>
        <source>No predictor has stored predictions in this study.</source>
        <translation>In dieser Studie hat kein Prädiktor Vorhersagen gespeichert.</translation>
    </message>
    <message>
        <source>%1 trials · Kendall τ %2 · Spearman ρ %3</source>
        <translation>%1 Versuche · Kendall τ %2 · Spearman ρ %3</translation>
    </message>
    <message>
        <source>Trial id %1
predicted %2
measured %3
residual %4</source>
        <translation>Versuchs-ID %1
vorhergesagt %2
gemessen %3
Residuum %4</translation>
    </message>
</context>
<context>
    <name>archscape::PreferencesDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>The new language is used the next time Archscape starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Archscape.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Sprache der Oberfläche:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Archscape loads strategy, evaluator and block plugins from these folders when it starts.</source>
        <translation>Archscape lädt beim Start Strategie-, Evaluator- und Block-Plugins aus diesen Ordnern.</translation>
    </message>
    <message>
        <source>Plugin folders</source>
        <translation>Plugin-Ordner</translation>
    </message>
    <message>
        <source>Add a Plugin Folder</source>
        <translation>Plugin-Ordner hinzufügen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>archscape::PropertyEditor</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n blocks selected&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n Block ausgewählt&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n Blöcke ausgewählt&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No block selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Block ausgewählt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a block on the canvas to edit its parameters.</source>
        <translation>Wählen Sie einen Block auf der Arbeitsfläche, um seine Parameter zu bearbeiten.</translation>
    </message>
    <message>
        <source>Alternatives: %1</source>
        <translation>Alternativen: %1</translation>
    </message>
    <message>
        <source>Body: %1 (%2)</source>
        <translation>Rumpf: %1 (%2)</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Gemeinsam</translation>
    </message>
    <message>
        <source>Fixed: one value. Choice: the search picks one of a list. Shared: one decision used by several blocks.</source>
        <translation>Fest: ein Wert. Auswahl: die Suche wählt einen aus einer Liste. Gemeinsam: eine Entscheidung, die mehrere Blöcke nutzen.</translation>
    </message>
    <message>
        <source> (%1 to %2)</source>
        <translation> (%1 bis %2)</translation>
    </message>
    <message>
        <source>values, comma-separated: 3, 5, 7</source>
        <translation>Werte, durch Kommas getrennt: 3, 5, 7</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Teilen…</translation>
    </message>
    <message>
        <source>Make this list a named shared choice that other parameters can link to: one decision, several places.</source>
        <translation>Diese Liste zu einer benannten gemeinsamen Auswahl machen, auf die andere Parameter verweisen können: eine Entscheidung, mehrere Stellen.</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>The shared choice&apos;s values, comma-separated; every linked parameter takes the same one.</source>
        <translation>Die Werte der gemeinsamen Auswahl, durch Kommas getrennt; jeder verknüpfte Parameter nimmt denselben.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (unbekannt)</translation>
    </message>
    <message>
        <source>The block&apos;s id: letters, digits, &apos;_&apos; and &apos;-&apos;; unique in the space</source>
        <translation>Die ID des Blocks: Buchstaben, Ziffern, „_“ und „-“; eindeutig im Suchraum</translation>
    </message>
    <message>
        <source>A free label shown on the canvas</source>
        <translation>Eine freie Beschriftung auf der Arbeitsfläche</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cell definition&lt;/b&gt; (shared by every Cell block naming it; double-click the block to see its graph)</source>
        <translation>&lt;b&gt;Zelldefinition&lt;/b&gt; (gemeinsam für alle Zellen-Blöcke, die sie nennen; Doppelklick auf den Block zeigt ihren Graphen)</translation>
    </message>
    <message>
        <source>The cell definition&apos;s name</source>
        <translation>Der Name der Zelldefinition</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Nodes, the input and output included; every pair is an edge</source>
        <translation>Knoten, Ein- und Ausgang eingeschlossen; jedes Paar ist eine Kante</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>edge ops</source>
        <translation>Kanten-Operationen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Search space&lt;/b&gt;</source>
        <translation>&lt;b&gt;Suchraum&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The space&apos;s name</source>
        <translation>Der Name des Suchraums</translation>
    </message>
    <message>
        <source>What the space is for</source>
        <translation>Wofür der Suchraum gedacht ist</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid id: use letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>„%1“ ist keine gültige ID: verwenden Sie Buchstaben, Ziffern, „_“ und „-“.</translation>
    </message>
    <message>
        <source>There is already a block %1.</source>
        <translation>Es gibt schon einen Block %1.</translation>
    </message>
    <message>
        <source>%1 already has an inner block %2.</source>
        <translation>%1 hat schon einen inneren Block %2.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation>%1 beschriften</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid name for a shared choice.</source>
        <translation>„%1“ ist kein gültiger Name für eine gemeinsame Auswahl.</translation>
    </message>
    <message>
        <source>There is already a shared choice %1; link to it with the Shared mode.</source>
        <translation>Es gibt schon eine gemeinsame Auswahl %1; verknüpfen Sie sie im Modus „Gemeinsam“.</translation>
    </message>
    <message>
        <source>Share %1 of %2 as %3</source>
        <translation>%1 von %2 als %3 teilen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a free name for a shared choice.</source>
        <translation>„%1“ ist als Name für eine gemeinsame Auswahl schon vergeben.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a free name for a cell definition.</source>
        <translation>„%1“ ist als Name für eine Zelldefinition schon vergeben.</translation>
    </message>
    <message>
        <source>A cell&apos;s edges need at least one operation to choose from.</source>
        <translation>Die Kanten einer Zelle brauchen mindestens eine Operation zur Auswahl.</translation>
    </message>
    <message>
        <source>Share a choice</source>
        <translation>Auswahl teilen</translation>
    </message>
    <message>
        <source>Name of the shared choice (other parameters link to it by this name):</source>
        <translation>Name der gemeinsamen Auswahl (andere Parameter verweisen unter diesem Namen darauf):</translation>
    </message>
    <message>
        <source>Rename a shared choice</source>
        <translation>Gemeinsame Auswahl umbenennen</translation>
    </message>
    <message>
        <source>New name for %1 (every link follows):</source>
        <translation>Neuer Name für %1 (alle Verknüpfungen folgen):</translation>
    </message>
</context>
<context>
    <name>archscape::RunPanel</name>
    <message>
        <source>Stopped %1 at step %L2 of %L3.</source>
        <translation>Angehalten: %1 bei Schritt %L2 von %L3.</translation>
    </message>
    <message>
        <source>Finished %1 in %2.</source>
        <translation>Abgeschlossen: %1 in %2.</translation>
    </message>
    <message>
        <source>%1: step %L2 of %L3</source>
        <translation>%1: Schritt %L2 von %L3</translation>
    </message>
    <message>
        <source>%1: epoch %2 of %3, step %L4 of %L5</source>
        <translation>%1: Epoche %2 von %3, Schritt %L4 von %L5</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>Begonnen: %1.</translation>
    </message>
    <message>
        <source>searching with DARTS</source>
        <translation>DARTS-Suche</translation>
    </message>
    <message>
        <source>timing the supernet&apos;s operations</source>
        <translation>Zeitmessung der Operationen des Supernetzes</translation>
    </message>
    <message>
        <source>training the supernet</source>
        <translation>Training des Supernetzes</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Metrics with a direction, the first one leading: %1</source>
        <translation>Metriken mit Richtung, die erste führt: %1</translation>
    </message>
    <message>
        <source>none (e.g. params&lt;=1e6,latency_ms&lt;=20)</source>
        <translation>keine (z. B. params&lt;=1e6,latency_ms&lt;=20)</translation>
    </message>
    <message>
        <source> trials</source>
        <translation> Versuche</translation>
    </message>
    <message>
        <source>Epochs per trial for the training evaluators</source>
        <translation>Epochen je Versuch für die trainierenden Evaluatoren</translation>
    </message>
    <message>
        <source>nb201_cifar10.csv or a data set folder</source>
        <translation>nb201_cifar10.csv oder ein Datensatz-Ordner</translation>
    </message>
    <message>
        <source>Choose the data file or folder</source>
        <translation>Datendatei oder -ordner wählen</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Nebenbedingungen</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The search&apos;s log</source>
        <translation>Das Protokoll der Suche</translation>
    </message>
    <message>
        <source>%1: %L2 trials stored.</source>
        <translation>%1: %L2 Versuche gespeichert.</translation>
    </message>
    <message>
        <source>Open a study (File &gt; Open) or create one from the space (File &gt; New Study…) to run a search.</source>
        <translation>Öffnen Sie eine Studie (Datei &gt; Öffnen) oder legen Sie eine aus dem Suchraum an (Datei &gt; Neue Studie…), um eine Suche zu starten.</translation>
    </message>
    <message>
        <source>Objectives: %1</source>
        <translation>Ziele: %1</translation>
    </message>
    <message>
        <source>Objectives: name at least one, e.g. valid_acc:max</source>
        <translation>Ziele: nennen Sie mindestens eines, z. B. valid_acc:max</translation>
    </message>
    <message>
        <source>Constraints: %1</source>
        <translation>Nebenbedingungen: %1</translation>
    </message>
    <message>
        <source>Paused: the trials in flight finish, nothing new is proposed.</source>
        <translation>Pausiert: laufende Versuche werden beendet, nichts Neues wird vorgeschlagen.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Stopping after the trials in flight…</source>
        <translation>Hält nach den laufenden Versuchen an…</translation>
    </message>
    <message>
        <source>%L1 trials done</source>
        <translation>%L1 Versuche fertig</translation>
    </message>
    <message>
        <source> (%L1 failed)</source>
        <translation> (%L1 fehlgeschlagen)</translation>
    </message>
    <message>
        <source> · elapsed %1 · ETA %2</source>
        <translation> · vergangen %1 · verbleibend %2</translation>
    </message>
    <message>
        <source> · best %1 %2</source>
        <translation> · bester %1 %2</translation>
    </message>
    <message>
        <source>Trial %L1: new best %2 %3</source>
        <translation>Versuch %L1: neuer Bestwert %2 %3</translation>
    </message>
    <message>
        <source>NAS-Bench-201 Table</source>
        <translation>NAS-Bench-201-Tabelle</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation>CSV-Tabellen (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Data Set Folder</source>
        <translation>Datensatz-Ordner</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceAnalysis</name>
    <message>
        <source>Size: counting…</source>
        <translation>Größe: wird gezählt…</translation>
    </message>
    <message>
        <source>Size: unknown (%1)</source>
        <translation>Größe: unbekannt (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Size: unknown (fix the %n problem(s) first)</source>
        <translation>
            <numerusform>Größe: unbekannt (beheben Sie zuerst das Problem)</numerusform>
            <numerusform>Größe: unbekannt (beheben Sie zuerst die %n Probleme)</numerusform>
        </translation>
    </message>
    <message>
        <source>Size: %1 architectures</source>
        <translation>Größe: %1 Architekturen</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceDocument</name>
    <message>
        <source>a vector</source>
        <translation>einen Vektor</translation>
    </message>
    <message>
        <source>a feature map</source>
        <translation>eine Feature-Map</translation>
    </message>
    <message>
        <source>That block does not exist.</source>
        <translation>Diesen Block gibt es nicht.</translation>
    </message>
    <message>
        <source>A block cannot feed itself.</source>
        <translation>Ein Block kann sich nicht selbst speisen.</translation>
    </message>
    <message>
        <source>The %1 block has no output.</source>
        <translation>Der Block %1 hat keinen Ausgang.</translation>
    </message>
    <message>
        <source>The %1 block has no input.</source>
        <translation>Der Block %1 hat keinen Eingang.</translation>
    </message>
    <message>
        <source>The %1 block has no input port %2.</source>
        <translation>Der Block %1 hat keinen Eingang %2.</translation>
    </message>
    <message>
        <source>Input %1 of %2 is already fed by %3; remove that connection first.</source>
        <translation>Eingang %1 von %2 wird schon von %3 gespeist; entfernen Sie zuerst diese Verbindung.</translation>
    </message>
    <message>
        <source>Connecting %1 to %2 would make a cycle.</source>
        <translation>%1 mit %2 zu verbinden würde einen Zyklus bilden.</translation>
    </message>
    <message>
        <source>%1 gives %2, but %3 takes %4.</source>
        <translation>%1 liefert %2, aber %3 nimmt %4.</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceMinimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceScene</name>
    <message>
        <source>Double-click to open its inner graph.</source>
        <translation>Doppelklick öffnet den inneren Graphen.</translation>
    </message>
    <message>
        <source>This Cell names &apos;%1&apos;, which the space does not define.</source>
        <translation>Diese Zelle nennt „%1“, das der Suchraum nicht definiert.</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>cell %1: %2 nodes, %3 edges; each node sums its inputs
each edge chooses one of: %4</source>
        <translation>Zelle %1: %2 Knoten, %3 Kanten; jeder Knoten summiert seine Eingänge
jede Kante wählt eine von: %4</translation>
    </message>
    <message>
        <source>%1 works on the top-level graph; go back to it first.</source>
        <translation>„%1“ geht nur im obersten Graphen; kehren Sie zuerst dorthin zurück.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>A cell&apos;s inner graph is edited in the property editor: its nodes and the operations each edge chooses from.</source>
        <translation>Den inneren Graphen einer Zelle bearbeiten Sie im Eigenschaften-Editor: ihre Knoten und die Operationen, aus denen jede Kante wählt.</translation>
    </message>
    <message>
        <source>A %1 block cannot go inside a %2 block.</source>
        <translation>Ein Block %1 kann nicht in einen Block %2 gesetzt werden.</translation>
    </message>
    <message>
        <source>Add alternative %1 to %2</source>
        <translation>Alternative %1 zu %2 hinzufügen</translation>
    </message>
    <message>
        <source>Set the body %1 of %2</source>
        <translation>Rumpf %1 von %2 setzen</translation>
    </message>
    <message>
        <source>A Repeat block needs its body; drop another kind here to replace it.</source>
        <translation>Ein Repeat-Block braucht seinen Rumpf; legen Sie hier eine andere Art ab, um ihn zu ersetzen.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alternative(s) of %1</source>
        <translation>
            <numerusform>%n Alternative von %1 löschen</numerusform>
            <numerusform>%n Alternativen von %1 löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n block(s).</source>
        <translation>
            <numerusform>%n Block kopiert.</numerusform>
            <numerusform>%n Blöcke kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message numerus="yes">
        <source>Cut %n block(s)</source>
        <translation>
            <numerusform>%n Block ausschneiden</numerusform>
            <numerusform>%n Blöcke ausschneiden</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>The clipboard holds no blocks.</source>
        <translation>Die Zwischenablage enthält keine Blöcke.</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>Einfügen nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n block(s)</source>
        <translation>
            <numerusform>%1: %n Block</numerusform>
            <numerusform>%1: %n Blöcke</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect an output to an input, not to another output.</source>
        <translation>Verbinden Sie einen Ausgang mit einem Eingang, nicht mit einem anderen Ausgang.</translation>
    </message>
    <message>
        <source>Connect an input to an output, not to another input.</source>
        <translation>Verbinden Sie einen Eingang mit einem Ausgang, nicht mit einem anderen Eingang.</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbinden nicht möglich: %1</translation>
    </message>
    <message>
        <source>Connected %1 to %2.</source>
        <translation>%1 mit %2 verbunden.</translation>
    </message>
    <message>
        <source>There is no block kind &apos;%1&apos;; is the plugin that provides it loaded?</source>
        <translation>Es gibt keine Blockart „%1“; ist das Plugin geladen, das sie bereitstellt?</translation>
    </message>
</context>
<context>
    <name>archscape::StudyWorkspace</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Pareto Front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Predictor</source>
        <translation>Prädiktor</translation>
    </message>
    <message>
        <source>The trials of a search will be listed here, with their metrics.</source>
        <translation>Hier werden die Versuche einer Suche mit ihren Metriken aufgelistet.</translation>
    </message>
    <message>
        <source>The trade-off between two objectives will be plotted here, the best trials highlighted.</source>
        <translation>Hier wird der Kompromiss zwischen zwei Zielen dargestellt, die besten Versuche hervorgehoben.</translation>
    </message>
    <message>
        <source>The training curves of the selected trial will be drawn here.</source>
        <translation>Hier werden die Trainingskurven des gewählten Versuchs gezeichnet.</translation>
    </message>
    <message>
        <source>The network of the selected trial will be drawn here.</source>
        <translation>Hier wird das Netz des gewählten Versuchs gezeichnet.</translation>
    </message>
    <message>
        <source>How well a predictor&apos;s estimates match the measured metric will be shown here.</source>
        <translation>Hier wird gezeigt, wie gut die Schätzungen eines Prädiktors zur gemessenen Metrik passen.</translation>
    </message>
    <message>
        <source>No study is open. Create one from this space with File &gt; New Study…, or open one with File &gt; Open…; then start a search in the Run dock.</source>
        <translation>Keine Studie geöffnet. Erstellen Sie eine aus diesem Suchraum mit Datei &gt; Neue Studie… oder öffnen Sie eine mit Datei &gt; Öffnen…; starten Sie dann eine Suche im Dock „Lauf“.</translation>
    </message>
</context>
<context>
    <name>archscape::TrialTableModel</name>
    <message>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>architecture</source>
        <translation>Architektur</translation>
    </message>
</context>
<context>
    <name>archscape::TrialsPanel</name>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>Any metric</source>
        <translation>Beliebige Metrik</translation>
    </message>
    <message>
        <source>%L1 trials</source>
        <translation>%L1 Versuche</translation>
    </message>
    <message>
        <source>%L1 of %L2 trials</source>
        <translation>%L1 von %L2 Versuchen</translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation>Nach ONNX exportieren…</translation>
    </message>
</context>
<context>
    <name>archscape::ValidationPanel</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The space as a whole (%1)</source>
        <translation>Der Suchraum als Ganzes (%1)</translation>
    </message>
    <message>
        <source>Click to show block %1 (%2)</source>
        <translation>Klicken, um Block %1 zu zeigen (%2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compose, search and inspect neural architecture search spaces.</source>
        <translation>Suchräume für neuronale Architektursuche entwerfen, durchsuchen und untersuchen.</translation>
    </message>
    <message>
        <source>A search space (.json) or a study (.db) to open.</source>
        <translation>Ein zu öffnender Suchraum (.json) oder eine Studie (.db).</translation>
    </message>
    <message>
        <source>Save the window as a PNG once laid out, then quit.</source>
        <translation>Das Fenster nach dem Aufbau als PNG speichern und dann beenden.</translation>
    </message>
    <message>
        <source>Select this block at start.</source>
        <translation>Diesen Block beim Start auswählen.</translation>
    </message>
    <message>
        <source>Select this trial (its number) of the study at start.</source>
        <translation>Diesen Versuch (seine Nummer) der Studie beim Start auswählen.</translation>
    </message>
</context>
</TS>
